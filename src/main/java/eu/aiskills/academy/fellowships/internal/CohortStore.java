package eu.aiskills.academy.fellowships.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.fellowships.Cohorts.Cohort;
import eu.aiskills.academy.fellowships.Cohorts.HoursEntry;
import eu.aiskills.academy.fellowships.Cohorts.HoursKind;
import eu.aiskills.academy.fellowships.Cohorts.Kind;
import eu.aiskills.academy.fellowships.Cohorts.Member;
import eu.aiskills.academy.fellowships.Cohorts.Milestone;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cohorts, their participants, hours ledgers and disbursement milestones in the database
 * (ADR 0019). A co-signature and a release are each one conditional update whose row count says
 * whether this call was the first. Participants and co-signers come back without their names:
 * {@code Cohorts} looks the names of a whole list up at once.
 */
@Component
public class CohortStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An hours entry with the co-signer's account rather than their name. */
    public record HoursRow(HoursEntry entry, AccountId cosigner) {
    }

    private final JdbcTemplate jdbc;

    CohortStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertCohort(UUID id, Kind kind, String name, List<String> courses, BigDecimal trainingHours, BigDecimal workHours,
                             BigDecimal hoursPerWeek, LocalDate startsOn, LocalDate endsOn, UUID createdBy, Instant now) {
        jdbc.update("INSERT INTO cohort (id, kind, name, courses, training_hours, work_hours, hours_per_week, starts_on, ends_on, created_by,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id.toString(), kind.name(), name,
                JSON.writeValueAsString(courses), trainingHours, workHours, hoursPerWeek, startsOn, endsOn, createdBy.toString(),
                Timestamp.from(now));
    }

    public Optional<Cohort> cohort(UUID id) {
        return jdbc.query("SELECT * FROM cohort WHERE id = ?", this::cohortRow, id.toString()).stream().findFirst();
    }

    /** Every cohort, newest first, in one query. */
    public List<Cohort> cohorts() {
        return jdbc.query("SELECT * FROM cohort ORDER BY created_at DESC", this::cohortRow);
    }

    /** Inserts a participant; a second membership of the same cohort fails on the unique key. */
    public void insertMember(UUID id, UUID cohortId, AccountId participant, OrganisationId employer, AccountId mentor, BigDecimal award,
                             String currency, String conditions, Instant now) {
        jdbc.update("INSERT INTO cohort_member (id, cohort_id, account_id, organisation_id, mentor_id, award, currency, conditions, joined_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id.toString(), cohortId.toString(), participant.value().toString(),
                employer == null ? null : employer.value().toString(), mentor == null ? null : mentor.value().toString(), award, currency,
                conditions, Timestamp.from(now));
    }

    public Optional<Member> member(UUID id) {
        return jdbc.query(MEMBERS + " WHERE id = ?", CohortStore::memberRow, id.toString()).stream().findFirst();
    }

    public List<Member> membersOf(UUID cohortId) {
        return jdbc.query(MEMBERS + " WHERE cohort_id = ? ORDER BY joined_at", CohortStore::memberRow, cohortId.toString());
    }

    public List<Member> membershipsOf(AccountId account) {
        return jdbc.query(MEMBERS + " WHERE account_id = ? ORDER BY joined_at", CohortStore::memberRow, account.value().toString());
    }

    public List<Member> menteesOf(AccountId mentor) {
        return jdbc.query(MEMBERS + " WHERE mentor_id = ? ORDER BY joined_at", CohortStore::memberRow, mentor.value().toString());
    }

    /** Appends a milestone after the member's last one. */
    public void insertMilestone(UUID id, UUID memberId, String label, BigDecimal amount, LocalDate dueOn) {
        jdbc.update("INSERT INTO cohort_milestone (id, member_id, position, label, amount, due_on)"
                        + " SELECT ?, ?, COALESCE(MAX(position), 0) + 1, ?, ?, ? FROM cohort_milestone WHERE member_id = ?", id.toString(),
                memberId.toString(), label, amount, dueOn, memberId.toString());
    }

    /** Releases a milestone unless it was released before: {@code false} then. */
    public boolean release(UUID milestoneId, AccountId by, Instant now) {
        return jdbc.update("UPDATE cohort_milestone SET released_by = ?, released_at = ? WHERE id = ? AND released_at IS NULL",
                by.value().toString(), Timestamp.from(now), milestoneId.toString()) == 1;
    }

    public List<Milestone> milestones(UUID memberId) {
        return jdbc.query("SELECT * FROM cohort_milestone WHERE member_id = ? ORDER BY position",
                (rs, n) -> new Milestone(UUID.fromString(rs.getString("id")), rs.getInt("position"), rs.getString("label"),
                        rs.getBigDecimal("amount"), rs.getDate("due_on").toLocalDate(), Jdbc.instant(rs, "released_at")),
                memberId.toString());
    }

    /** The hours a member logged for one day, co-signed or not. */
    public BigDecimal hoursOn(UUID memberId, LocalDate day) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(hours), 0) FROM cohort_hours WHERE member_id = ? AND worked_on = ?",
                BigDecimal.class, memberId.toString(), day);
    }

    public void insertHours(UUID id, UUID memberId, HoursKind kind, LocalDate workedOn, BigDecimal hours, String note, Instant now,
                            String evidenceRef, String evidence) {
        jdbc.update("INSERT INTO cohort_hours (id, member_id, kind, worked_on, hours, note, logged_at, evidence_ref, evidence)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id.toString(), memberId.toString(), kind.name(), workedOn, hours, note,
                Timestamp.from(now), evidenceRef, evidence);
    }

    /** The member an hours entry belongs to. */
    public Optional<UUID> memberOfEntry(UUID entryId) {
        return jdbc.queryForList("SELECT member_id FROM cohort_hours WHERE id = ?", String.class, entryId.toString()).stream()
                .map(UUID::fromString).findFirst();
    }

    /** Co-signs an entry unless it was co-signed before: {@code false} then. */
    public boolean cosign(UUID entryId, AccountId by, Instant now) {
        return jdbc.update("UPDATE cohort_hours SET cosigned_by = ?, cosigned_at = ? WHERE id = ? AND cosigned_at IS NULL",
                by.value().toString(), Timestamp.from(now), entryId.toString()) == 1;
    }

    /** A member's ledger, by day worked. */
    public List<HoursRow> hours(UUID memberId) {
        return jdbc.query("SELECT * FROM cohort_hours WHERE member_id = ? ORDER BY worked_on, logged_at", (rs, n) -> {
            String cosigner = rs.getString("cosigned_by");
            return new HoursRow(new HoursEntry(UUID.fromString(rs.getString("id")), memberId, HoursKind.valueOf(rs.getString("kind")),
                    rs.getDate("worked_on").toLocalDate(), rs.getBigDecimal("hours"), rs.getString("note"), Jdbc.instant(rs, "logged_at"),
                    null, Jdbc.instant(rs, "cosigned_at"), rs.getString("evidence")), cosigner == null ? null : new AccountId(UUID.fromString(cosigner)));
        }, memberId.toString());
    }

    /** A member's hours of one kind, co-signed or still waiting for the mentor. */
    /** A member's hours summed in one query: co-signed per kind, and all those still waiting for the mentor. */
    public record HoursTotals(BigDecimal training, BigDecimal work, BigDecimal pending) {
    }

    public HoursTotals totals(UUID memberId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN kind = ? AND cosigned_at IS NOT NULL THEN hours END), 0) AS training,"
                + " COALESCE(SUM(CASE WHEN kind = ? AND cosigned_at IS NOT NULL THEN hours END), 0) AS work,"
                + " COALESCE(SUM(CASE WHEN cosigned_at IS NULL THEN hours END), 0) AS pending FROM cohort_hours WHERE member_id = ?",
                (rs, n) -> new HoursTotals(rs.getBigDecimal("training"), rs.getBigDecimal("work"), rs.getBigDecimal("pending")),
                HoursKind.TRAINING.name(), HoursKind.ON_THE_JOB.name(), memberId.toString());
    }

    private static final String MEMBERS = "SELECT * FROM cohort_member";

    private Cohort cohortRow(ResultSet rs, int n) throws SQLException {
        return new Cohort(UUID.fromString(rs.getString("id")), Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                JSON.readValue(rs.getString("courses"), new TypeReference<List<String>>() { }), rs.getBigDecimal("training_hours"),
                rs.getBigDecimal("work_hours"), rs.getBigDecimal("hours_per_week"), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate());
    }

    /** A member without names: {@code Cohorts} adds them. */
    private static Member memberRow(ResultSet rs, int n) throws SQLException {
        String organisation = rs.getString("organisation_id");
        String mentor = rs.getString("mentor_id");
        return new Member(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("cohort_id")),
                new AccountId(UUID.fromString(rs.getString("account_id"))), null,
                organisation == null ? null : new OrganisationId(UUID.fromString(organisation)),
                mentor == null ? null : new AccountId(UUID.fromString(mentor)), null, rs.getBigDecimal("award"), rs.getString("currency"),
                rs.getString("conditions"));
    }
}
