package eu.aiskills.academy.shared.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chart people look at instead of reading numbers (bars per day, a line over time), drawn by
 * ECharts in the browser ({@code frontend/scripts/academy-charts.js}) in the platform's colours.
 * Every chart carries its text alternative: the picture is named by a summary for screen readers,
 * and the same numbers are a table under "Show the numbers", open to everyone.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
@JavaScript("context://scripts/academy-charts.js")
public class Chart extends Div {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Kind { BAR, STACKED_BAR, LINE }

    /** One series: its name (in the legend and the table's header) and a value per category. */
    public record Series(String name, List<? extends Number> values) {

        public Series {
            values = List.copyOf(values);
        }
    }

    private final Div canvas = new Div();
    private final ObjectNode spec = JSON.createObjectNode();

    /**
     * @param summary    what the chart shows, in words (its accessible name)
     * @param categories the labels along the axis (days, learners)
     * @param unit       the values' unit, or an empty string
     * @param horizontal bars along a horizontal axis (long category names, as learners')
     */
    public Chart(String summary, Kind kind, List<String> categories, List<Series> series, String unit, boolean horizontal) {
        addClassName("academy-chart");
        canvas.addClassName("academy-chart-canvas");
        canvas.getElement().setAttribute("role", "img");
        canvas.getElement().setAttribute("aria-label", summary);
        canvas.setHeight(horizontal ? Math.max(160, 36 * categories.size() + 64) + "px" : "260px");
        spec.put("kind", kind.name()).put("unit", unit).put("horizontal", horizontal)
                .put("integers", series.stream().flatMap(s -> s.values().stream()).allMatch(Chart::whole));
        ArrayNode labels = spec.putArray("categories");
        categories.forEach(labels::add);
        ArrayNode all = spec.putArray("series");
        for (Series one : series) {
            ObjectNode node = all.addObject().put("name", one.name());
            ArrayNode values = node.putArray("values");
            one.values().forEach(value -> values.add(value.doubleValue()));
        }
        NativeDetails numbers = new NativeDetails(getTranslation("chart.show-numbers"), table(summary, categories, series));
        numbers.addClassName("academy-chart-numbers");
        add(canvas, numbers);
    }

    private static NativeTable table(String summary, List<String> categories, List<Series> series) {
        NativeTable table = new NativeTable();
        table.setCaptionText(summary);
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("");
        series.forEach(one -> head.addHeaderCell().setText(one.name()));
        head.getHeaderCells().forEach(cell -> cell.getElement().setAttribute("scope", "col"));
        for (int i = 0; i < categories.size(); i++) {
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(categories.get(i));
            row.getHeaderCells().getFirst().getElement().setAttribute("scope", "row");
            for (Series one : series) {
                Number value = one.values().get(i);
                row.addDataCell().setText(whole(value) ? value.toString()
                        : new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString());
            }
        }
        return table;
    }

    /** A count (seats, sessions), drawn with whole steps and written without decimals. */
    private static boolean whole(Number value) {
        return value instanceof Integer || value instanceof Long;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        canvas.getElement().executeJs("window.academyCharts && window.academyCharts.render(this, JSON.parse($0))", JSON.writeValueAsString(spec));
    }
}
