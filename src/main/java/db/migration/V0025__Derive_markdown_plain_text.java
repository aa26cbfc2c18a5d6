package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import eu.aiskills.academy.shared.Markdown;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Derives the plain text of the course descriptions and lesson bodies stored before V0024, page
 * by page in id order, so that memory stays bounded however many there are. A Java migration,
 * since the text is what {@link Markdown#toPlainText} makes of the Markdown, which SQL cannot do.
 */
public class V0025__Derive_markdown_plain_text extends BaseJavaMigration {

    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        derive(connection, "course", "description_md", "description_text");
        derive(connection, "lesson", "body_md", "body_text");
    }

    /** Sets {@code text} to the plain text of {@code markdown} in every row of {@code table}, a page at a time. */
    static void derive(Connection connection, String table, String markdown, String text) throws SQLException {
        String after = "";
        while (true) {
            List<String[]> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, " + markdown + " FROM " + table
                    + " WHERE id > ? ORDER BY id LIMIT " + PAGE)) {
                select.setString(1, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            if (page.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + text + " = ? WHERE id = ?")) {
                for (String[] row : page) {
                    update.setString(1, row[1] == null ? null : Markdown.toPlainText(row[1]));
                    update.setString(2, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            after = page.getLast()[0];
        }
    }
}
