package db.migration;

import java.sql.SQLException;

import eu.aiskills.academy.shared.Markdown;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Derives the plain text of course descriptions and lesson bodies again, now that
 * {@link Markdown} reads GitHub tables and TeX formulas: a table's cells become words (no more
 * pipes in search snippets) and a formula its TeX. Page by page, as V0025 does.
 */
public class V0033__Derive_plain_text_of_tables_and_formulas extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        V0025__Derive_markdown_plain_text.derive(context.getConnection(), "course", "description_md", "description_text");
        V0025__Derive_markdown_plain_text.derive(context.getConnection(), "lesson", "body_md", "body_text");
    }
}
