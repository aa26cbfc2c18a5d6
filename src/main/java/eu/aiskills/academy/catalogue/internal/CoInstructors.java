package eu.aiskills.academy.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who co-teaches which course (fellows teaching in the Academy), kept apart from the course's own
 * instructor so that a re-import of the course's content never removes them (ADR 0019: a small
 * link table, JDBC). {@code Catalogue} checks who may add one.
 */
@Component
public class CoInstructors {

    private final JdbcTemplate jdbc;

    CoInstructors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the account as the course's co-instructor, unless it is one already. */
    public void add(UUID course, UUID account, UUID addedBy, Instant now) {
        if (!of(course).contains(account)) {
            jdbc.update("INSERT INTO course_co_instructor (course_id, account_id, added_by, added_at) VALUES (?, ?, ?, ?)",
                    course.toString(), account.toString(), addedBy.toString(), Timestamp.from(now));
        }
    }

    /** The accounts co-teaching the course. */
    public Set<UUID> of(UUID course) {
        return jdbc.queryForList("SELECT account_id FROM course_co_instructor WHERE course_id = ?", String.class, course.toString())
                .stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    /** The courses the account co-teaches. */
    public List<UUID> coursesOf(UUID account) {
        return jdbc.queryForList("SELECT course_id FROM course_co_instructor WHERE account_id = ?", String.class, account.toString())
                .stream().map(UUID::fromString).toList();
    }
}
