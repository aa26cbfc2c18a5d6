package eu.aiskills.academy.fellowships.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipCallId;
import eu.aiskills.academy.fellowships.FellowshipReviews.Assignment;
import eu.aiskills.academy.fellowships.FellowshipReviews.CriterionScore;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The review of fellowship applications in the database (ADR 0019): panels, assignments,
 * declared conflicts, reviewers' scores, consensus scores and the ranking's release. A reviewer's
 * submission is one conditional update; the ranking reads what it needs in three queries.
 * {@code FellowshipReviews} checks who may do what before it calls here.
 */
@Component
public class ReviewStore {

    /** A panel member before their name is looked up. */
    public record PanelRow(AccountId reviewer, boolean chair) {
    }

    /** A reviewer who has submitted their review of an application, and when. */
    public record Submitted(AccountId reviewer, Instant at) {
    }

    /** What a ranking is computed from, per application: consensus and mean scores per criterion, assignments (all, open). */
    public record RankInputs(Map<FellowshipApplicationId, Map<Integer, BigDecimal>> consensus,
                             Map<FellowshipApplicationId, Map<Integer, BigDecimal>> means,
                             Map<FellowshipApplicationId, int[]> assignments) {
    }

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the reviewer to the call's panel, or changes whether they chair it. */
    public void putPanelMember(FellowshipCallId call, AccountId reviewer, boolean chair, Instant now) {
        try {
            jdbc.update("INSERT INTO review_panel_member (call_id, reviewer_id, chair, added_at) VALUES (?, ?, ?, ?)", call.toString(),
                    reviewer.toString(), chair, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            jdbc.update("UPDATE review_panel_member SET chair = ? WHERE call_id = ? AND reviewer_id = ?", chair, call.toString(),
                    reviewer.toString());
        }
    }

    public List<PanelRow> panel(FellowshipCallId call) {
        return jdbc.query("SELECT reviewer_id, chair FROM review_panel_member WHERE call_id = ? ORDER BY added_at",
                (rs, n) -> new PanelRow(AccountId.of(rs.getString(1)), rs.getBoolean(2)), call.toString());
    }

    /** How many of the call's applications each reviewer is assigned. */
    public Map<AccountId, Integer> load(FellowshipCallId call) {
        Map<AccountId, Integer> load = new HashMap<>();
        jdbc.query("SELECT a.reviewer_id, COUNT(*) FROM review_assignment a JOIN fellowship_application f ON f.id = a.application_id"
                + " WHERE f.call_id = ? GROUP BY a.reviewer_id", rs -> {
                    load.put(AccountId.of(rs.getString(1)), rs.getInt(2));
                }, call.toString());
        return load;
    }

    public List<Assignment> assignmentsOf(AccountId reviewer) {
        return jdbc.query("SELECT a.application_id, f.call_id, c.title, f.applicant_name, a.submitted_at FROM review_assignment a"
                        + " JOIN fellowship_application f ON f.id = a.application_id JOIN fellowship_call c ON c.id = f.call_id"
                        + " WHERE a.reviewer_id = ? AND f.status = 'SUBMITTED' ORDER BY c.closes_at, f.submitted_at",
                (rs, n) -> new Assignment(FellowshipApplicationId.of(rs.getString(1)), FellowshipCallId.of(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Jdbc.instant(rs, "submitted_at")), reviewer.toString());
    }

    public List<AccountId> assigned(FellowshipApplicationId application) {
        return jdbc.queryForList("SELECT reviewer_id FROM review_assignment WHERE application_id = ?", String.class, application.toString())
                .stream().map(AccountId::of).toList();
    }

    /**
     * The reviewer's assignment to the application: empty when not assigned; otherwise its
     * submission time, empty while a draft.
     */
    public Optional<Optional<Instant>> assignment(FellowshipApplicationId application, AccountId reviewer) {
        List<Optional<Instant>> found = jdbc.query("SELECT submitted_at FROM review_assignment WHERE application_id = ? AND reviewer_id = ?",
                (rs, n) -> Optional.ofNullable(Jdbc.instant(rs, "submitted_at")), application.toString(), reviewer.toString());
        return found.stream().findFirst();
    }

    public void assign(FellowshipApplicationId application, AccountId reviewer, Instant now) {
        jdbc.update("INSERT INTO review_assignment (application_id, reviewer_id, assigned_at) VALUES (?, ?, ?)", application.toString(),
                reviewer.toString(), Timestamp.from(now));
    }

    /** Records the reviewer's declared conflict and takes them off the application, their draft scores with them. */
    public void declareConflict(FellowshipApplicationId application, AccountId reviewer, String reason, Instant now) {
        jdbc.update("INSERT INTO review_conflict (application_id, reviewer_id, reason, declared_at) VALUES (?, ?, ?, ?)",
                application.toString(), reviewer.toString(), reason, Timestamp.from(now));
        jdbc.update("DELETE FROM review_score WHERE application_id = ? AND reviewer_id = ?", application.toString(), reviewer.toString());
        jdbc.update("DELETE FROM review_assignment WHERE application_id = ? AND reviewer_id = ?", application.toString(), reviewer.toString());
    }

    /** The conflict the reviewer declared with the application, or null. */
    public String declaredConflict(FellowshipApplicationId application, AccountId reviewer) {
        return jdbc.query("SELECT reason FROM review_conflict WHERE application_id = ? AND reviewer_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, application.toString(), reviewer.toString());
    }

    public void putScore(FellowshipApplicationId application, AccountId reviewer, CriterionScore score) {
        jdbc.update("DELETE FROM review_score WHERE application_id = ? AND reviewer_id = ? AND position = ?", application.toString(),
                reviewer.toString(), score.criterion());
        jdbc.update("INSERT INTO review_score (application_id, reviewer_id, position, score, comment) VALUES (?, ?, ?, ?, ?)",
                application.toString(), reviewer.toString(), score.criterion(), score.score(),
                score.comment() == null ? "" : score.comment().strip());
    }

    public List<CriterionScore> scores(FellowshipApplicationId application, AccountId reviewer) {
        return jdbc.query("SELECT position, score, comment FROM review_score WHERE application_id = ? AND reviewer_id = ? ORDER BY position",
                (rs, n) -> new CriterionScore(rs.getInt(1), rs.getBigDecimal(2), rs.getString(3)), application.toString(), reviewer.toString());
    }

    /** Marks the reviewer's review submitted; once only. */
    public void submit(FellowshipApplicationId application, AccountId reviewer, Instant now) {
        jdbc.update("UPDATE review_assignment SET submitted_at = ? WHERE application_id = ? AND reviewer_id = ? AND submitted_at IS NULL",
                Timestamp.from(now), application.toString(), reviewer.toString());
    }

    /** The reviewers other than {@code reader} who have submitted, in the order they did. */
    public List<Submitted> submittedBesides(FellowshipApplicationId application, AccountId reader) {
        return jdbc.query("SELECT reviewer_id, submitted_at FROM review_assignment WHERE application_id = ? AND reviewer_id <> ?"
                        + " AND submitted_at IS NOT NULL ORDER BY submitted_at",
                (rs, n) -> new Submitted(AccountId.of(rs.getString(1)), Jdbc.instant(rs, "submitted_at")), application.toString(),
                reader.toString());
    }

    /** How many assigned reviewers have not submitted yet. */
    public int openReviews(FellowshipApplicationId application) {
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM review_assignment WHERE application_id = ? AND submitted_at IS NULL",
                Integer.class, application.toString());
        return open == null ? 0 : open;
    }

    /** Replaces the application's consensus with these scores. */
    public void putConsensus(FellowshipApplicationId application, List<CriterionScore> scores, AccountId agreedBy, Instant now) {
        jdbc.update("DELETE FROM review_consensus WHERE application_id = ?", application.toString());
        for (CriterionScore s : scores) {
            jdbc.update("INSERT INTO review_consensus (application_id, position, score, comment, agreed_by, agreed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    application.toString(), s.criterion(), s.score(), s.comment() == null ? "" : s.comment().strip(), agreedBy.toString(),
                    Timestamp.from(now));
        }
    }

    /** Marks the call's ranking released; true only for the call that released it (once). */
    public boolean releaseRanking(FellowshipCallId call, Instant now) {
        return jdbc.update("UPDATE fellowship_call SET ranking_released_at = ? WHERE id = ? AND ranking_released_at IS NULL",
                Timestamp.from(now), call.toString()) == 1;
    }

    /** The ranking's inputs for every application of the call: three queries, whatever their number. */
    public RankInputs rankInputs(FellowshipCallId call) {
        String id = call.toString();
        Map<FellowshipApplicationId, Map<Integer, BigDecimal>> consensus = new HashMap<>();
        jdbc.query("SELECT c.application_id, c.position, c.score FROM review_consensus c JOIN fellowship_application a"
                + " ON a.id = c.application_id WHERE a.call_id = ?", rs -> {
                    consensus.computeIfAbsent(FellowshipApplicationId.of(rs.getString(1)), k -> new HashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
                }, id);
        Map<FellowshipApplicationId, Map<Integer, BigDecimal>> means = new HashMap<>();
        jdbc.query("SELECT s.application_id, s.position, AVG(s.score) FROM review_score s JOIN review_assignment r"
                + " ON r.application_id = s.application_id AND r.reviewer_id = s.reviewer_id JOIN fellowship_application a"
                + " ON a.id = s.application_id WHERE a.call_id = ? AND r.submitted_at IS NOT NULL GROUP BY s.application_id, s.position",
                rs -> {
                    means.computeIfAbsent(FellowshipApplicationId.of(rs.getString(1)), k -> new HashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
                }, id);
        Map<FellowshipApplicationId, int[]> assignments = new HashMap<>();
        jdbc.query("SELECT r.application_id, COUNT(*), SUM(CASE WHEN r.submitted_at IS NULL THEN 1 ELSE 0 END) FROM review_assignment r"
                + " JOIN fellowship_application a ON a.id = r.application_id WHERE a.call_id = ? GROUP BY r.application_id", rs -> {
                    assignments.put(FellowshipApplicationId.of(rs.getString(1)), new int[] {rs.getInt(2), rs.getInt(3)});
                }, id);
        return new RankInputs(consensus, means, assignments);
    }
}
