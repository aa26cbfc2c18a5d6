package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.testsupport.MariaDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V0025 derives the plain text of Markdown stored before V0024 added its columns: every row, across
 * more than one of its pages, on H2 and on MariaDB; a course without a description keeps none.
 * V0033 derives it again for tables and formulas.
 */
class DeriveMarkdownPlainTextTest {

    private static final int LESSONS = 1_203;

    @Test
    void derivesThePlainTextOfEveryStoredLessonAndDescriptionOnH2() {
        check(new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,KEY;DB_CLOSE_DELAY=-1"),
                "UUID");
    }

    @Test
    void derivesThePlainTextOfEveryStoredLessonAndDescriptionOnMariaDb() {
        MariaDb server = MariaDb.get();
        check(new DriverManagerDataSource(server.newDatabase(), server.user(), server.password()), "CHAR(36)");
    }

    @Test
    void derivesAgainTheTextOfTablesAndFormulasStoredWithPipesAndDollarsOnMariaDb() {
        MariaDb server = MariaDb.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server.newDatabase(), server.user(), server.password());
        flyway(dataSource, "CHAR(36)").target("0032").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp now = Timestamp.from(Instant.now());
        String course = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO course (id, slug, title, summary, description_md, description_text, level, language, workload_hours, status,
                                    created_at, updated_at, version)
                VALUES (?, 'metrics', 'Metrics', 'Counts', ?, ?, 'INTRODUCTORY', 'en', 4, 'PUBLISHED', ?, ?, 1)""",
                course, "The loss $L_i$ falls.", "The loss $L_i$ falls.", now, now);
        String table = "| model | accuracy |\n| --- | --- |\n| forest | 0.94 |\n";
        jdbc.update("INSERT INTO lesson (id, course_id, slug, position, title, body_md, body_text, minutes) VALUES (?, ?, 'one', 1, 'One', ?, ?, 10)",
                UUID.randomUUID().toString(), course, table, "| model | accuracy | | --- | --- | | forest | 0.94 |");

        flyway(dataSource, "CHAR(36)").load().migrate();

        assertThat(jdbc.queryForObject("SELECT body_text FROM lesson WHERE slug = 'one'", String.class)).isEqualTo("model accuracy forest 0.94");
        assertThat(jdbc.queryForObject("SELECT description_text FROM course WHERE id = ?", String.class, course)).isEqualTo("The loss L_i falls.");
    }

    private static void check(DriverManagerDataSource dataSource, String uuidType) {
        flyway(dataSource, uuidType).target("0024").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp now = Timestamp.from(Instant.now());
        String described = UUID.randomUUID().toString();
        String undescribed = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO course (id, slug, title, summary, description_md, level, language, workload_hours, status,
                                    created_at, updated_at, version)
                VALUES (?, ?, 'Transformers', 'Attention', ?, 'INTRODUCTORY', 'en', 4, 'PUBLISHED', ?, ?, 1)""",
                described, "transformers", "## Attention\n\nIs *all* you [need](https://example.org).", now, now);
        jdbc.update("""
                INSERT INTO course (id, slug, title, summary, description_md, level, language, workload_hours, status,
                                    created_at, updated_at, version)
                VALUES (?, 'quiet', 'Quiet', 'No description', NULL, 'INTRODUCTORY', 'en', 4, 'DRAFT', ?, ?, 1)""",
                undescribed, now, now);
        List<Object[]> lessons = new ArrayList<>();
        for (int i = 1; i <= LESSONS; i++) {
            lessons.add(new Object[] {UUID.randomUUID().toString(), described, "lesson-" + i, i, "Lesson " + i,
                    "# Step " + i + "\n\n- **bold** point\n- `code` " + i + "\n\n```python\nprint(" + i + ")\n```"});
        }
        jdbc.batchUpdate("INSERT INTO lesson (id, course_id, slug, position, title, body_md, minutes) VALUES (?, ?, ?, ?, ?, ?, 10)",
                lessons);

        flyway(dataSource, uuidType).load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT body_md, body_text FROM lesson");
        assertThat(rows).hasSize(LESSONS).allSatisfy(row ->
                assertThat(row.get("body_text")).isEqualTo(Markdown.toPlainText((String) row.get("body_md"))));
        assertThat(jdbc.queryForObject("SELECT body_text FROM lesson WHERE slug = 'lesson-7'", String.class))
                .isEqualTo("Step 7 bold point code 7 print(7)");
        assertThat(jdbc.queryForObject("SELECT description_text FROM course WHERE id = ?", String.class, described))
                .isEqualTo("Attention Is all you need.");
        assertThat(jdbc.queryForObject("SELECT description_text FROM course WHERE id = ?", String.class, undescribed)).isNull();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource, String uuidType) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("uuid_type", uuidType));
    }
}
