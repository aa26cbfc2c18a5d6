package eu.aiskills.academy.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** What the modules' JDBC stores read alike from a row. */
public final class Jdbc {

    private Jdbc() {
    }

    /** {@code count} bind markers for an {@code IN (...)} list: {@code ?, ?, ?}. */
    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A timestamp column as an instant, or {@code null}. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
