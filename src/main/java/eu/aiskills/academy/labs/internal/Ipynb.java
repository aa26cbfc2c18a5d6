package eu.aiskills.academy.labs.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.shared.UserFacingException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes nbformat 4 notebooks for the labs, bounded in size and shape; nothing in one is trusted. */
public final class Ipynb {

    /** The largest notebook a learner may save (outputs with images included). */
    public static final int MAX_CHARS = 8 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_CHARS).build()).build())
            .build();

    private Ipynb() {
    }

    public static LabNotebook read(String text, int revision) {
        if (text == null || text.length() > MAX_CHARS) {
            throw new UserFacingException("lab.notebook.too-large", MAX_CHARS / (1024 * 1024));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new UserFacingException("notebook.unreadable");
        }
        if (root == null || !root.isObject() || root.path("nbformat").asInt(0) != 4 || !root.path("cells").isArray()) {
            throw new UserFacingException("notebook.unreadable");
        }
        if (root.path("cells").size() > LabNotebook.MAX_CELLS) {
            throw new UserFacingException("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS);
        }
        List<LabNotebook.Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : root.path("cells")) {
            LabNotebook.Kind kind = switch (cell.path("cell_type").asString("")) {
                case "markdown" -> LabNotebook.Kind.MARKDOWN;
                case "code" -> LabNotebook.Kind.CODE;
                default -> LabNotebook.Kind.RAW;
            };
            String id = cell.path("id").asString("");
            if (!id.matches("[A-Za-z0-9_-]{1,64}") || !ids.add(id)) {
                id = UUID.randomUUID().toString().substring(0, 8);
                ids.add(id);
            }
            boolean locked = false;
            for (JsonNode tag : cell.path("metadata").path("tags")) {
                locked |= "locked".equals(tag.asString(""));
            }
            List<LabNotebook.Output> outputs = new ArrayList<>();
            for (JsonNode output : cell.path("outputs")) {
                switch (output.path("output_type").asString("")) {
                    case "stream" -> outputs.add(new LabNotebook.Output(LabNotebook.OutputKind.STREAM,
                            output.path("name").asString("stdout"), text(output.path("text")), null, null));
                    case "error" -> {
                        List<String> lines = new ArrayList<>();
                        output.path("traceback").forEach(line -> lines.add(line.asString("")));
                        outputs.add(new LabNotebook.Output(LabNotebook.OutputKind.ERROR, output.path("ename").asString(""),
                                output.path("evalue").asString("") + "\n" + plain(String.join("\n", lines)), null, null));
                    }
                    case "execute_result", "display_data" -> {
                        JsonNode data = output.path("data");
                        String png = data.path("image/png").isString() ? data.path("image/png").asString().replaceAll("\\s", "") : null;
                        outputs.add(new LabNotebook.Output("execute_result".equals(output.path("output_type").asString())
                                ? LabNotebook.OutputKind.RESULT : LabNotebook.OutputKind.DISPLAY, null,
                                data.has("text/plain") ? text(data.path("text/plain")) : null,
                                data.has("text/html") ? text(data.path("text/html")) : null,
                                png != null && png.matches("[A-Za-z0-9+/=]+") ? png : null));
                    }
                    default -> {
                        // Widgets and other output types are not shown.
                    }
                }
            }
            String source = text(cell.path("source"));
            if (source.length() > LabNotebook.MAX_CELL_CHARS) {
                throw new UserFacingException("lab.notebook.cell-too-large", LabNotebook.MAX_CELL_CHARS / 1000);
            }
            JsonNode count = cell.path("execution_count");
            cells.add(new LabNotebook.Cell(id, kind, source, locked, count.isNumber() ? count.asInt() : null, outputs));
        }
        return new LabNotebook(revision, cells);
    }

    public static String write(LabNotebook notebook) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        for (LabNotebook.Cell cell : notebook.cells()) {
            ObjectNode node = cells.addObject();
            node.put("cell_type", switch (cell.kind()) {
                case MARKDOWN -> "markdown";
                case CODE -> "code";
                case RAW -> "raw";
            });
            node.put("id", cell.id());
            ObjectNode metadata = node.putObject("metadata");
            if (cell.locked()) {
                metadata.putArray("tags").add("locked");
            }
            node.put("source", cell.source());
            if (cell.kind() == LabNotebook.Kind.CODE) {
                if (cell.executionCount() == null) {
                    node.putNull("execution_count");
                } else {
                    node.put("execution_count", cell.executionCount());
                }
                ArrayNode outputs = node.putArray("outputs");
                for (LabNotebook.Output output : cell.outputs()) {
                    ObjectNode out = outputs.addObject();
                    switch (output.kind()) {
                        case STREAM -> out.put("output_type", "stream").put("name", output.name()).put("text", output.text());
                        case ERROR -> {
                            int split = output.text().indexOf('\n');
                            out.put("output_type", "error").put("ename", output.name())
                                    .put("evalue", split < 0 ? output.text() : output.text().substring(0, split));
                            ArrayNode traceback = out.putArray("traceback");
                            if (split >= 0) {
                                output.text().substring(split + 1).lines().forEach(traceback::add);
                            }
                        }
                        case RESULT, DISPLAY -> {
                            out.put("output_type", output.kind() == LabNotebook.OutputKind.RESULT ? "execute_result" : "display_data");
                            if (output.kind() == LabNotebook.OutputKind.RESULT) {
                                out.put("execution_count", cell.executionCount() == null ? 0 : cell.executionCount());
                            }
                            ObjectNode data = out.putObject("data");
                            if (output.text() != null) {
                                data.put("text/plain", output.text());
                            }
                            if (output.html() != null) {
                                data.put("text/html", output.html());
                            }
                            if (output.png() != null) {
                                data.put("image/png", output.png());
                            }
                            out.putObject("metadata");
                        }
                    }
                }
            }
        }
        ObjectNode metadata = root.putObject("metadata");
        metadata.putObject("kernelspec").put("display_name", "Python 3").put("language", "python").put("name", "python3");
        metadata.putObject("language_info").put("name", "python");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(line -> joined.append(line.asString("")));
            return joined.toString();
        }
        return node.asString("");
    }

    /** Without IPython's ANSI colours. */
    public static String plain(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }
}
