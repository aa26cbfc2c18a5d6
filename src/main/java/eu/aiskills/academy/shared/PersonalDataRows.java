package eu.aiskills.academy.shared;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Rows for a personal-data export: each row a map of column to JSON-ready value (instants as ISO text). */
public final class PersonalDataRows {

    private PersonalDataRows() {
    }

    public static List<Map<String, Object>> of(JdbcTemplate jdbc, String sql, Object... arguments) {
        return jdbc.queryForList(sql, arguments).stream().map(PersonalDataRows::clean).toList();
    }

    private static Map<String, Object> clean(Map<String, Object> row) {
        Map<String, Object> clean = new LinkedHashMap<>();
        row.forEach((column, value) -> clean.put(column.toLowerCase(java.util.Locale.ROOT),
                value instanceof Timestamp at ? at.toInstant().toString()
                        : value instanceof java.sql.Date day ? day.toLocalDate().toString()
                        : value instanceof java.math.BigDecimal number ? number.toPlainString() : value));
        return clean;
    }
}
