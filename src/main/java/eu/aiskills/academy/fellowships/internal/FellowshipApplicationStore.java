package eu.aiskills.academy.fellowships.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.fellowships.ApplicantFacts;
import eu.aiskills.academy.fellowships.FellowshipApplication;
import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipCallId;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fellowship applications in the database (ADR 0019). A draft has one row per call and applicant
 * (a unique key); submitting is one conditional update from {@code DRAFT}, so of two submissions
 * at once exactly one wins. {@code FellowshipApplications} checks who may do what, and the
 * call's rules, before it calls here.
 */
@Component
public class FellowshipApplicationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    FellowshipApplicationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FellowshipApplication> of(FellowshipCallId callId, AccountId applicant) {
        return jdbc.query("SELECT * FROM fellowship_application WHERE call_id = ? AND applicant_id = ?", FellowshipApplicationStore::row,
                callId.toString(), applicant.value().toString()).stream().findFirst();
    }

    /** The applicant's application to the call, its row locked for this transaction. */
    public Optional<FellowshipApplication> lockedOf(FellowshipCallId callId, AccountId applicant) {
        return jdbc.query("SELECT * FROM fellowship_application WHERE call_id = ? AND applicant_id = ? FOR UPDATE",
                FellowshipApplicationStore::row, callId.toString(), applicant.value().toString()).stream().findFirst();
    }

    /** Every application of a person, newest first. */
    public List<FellowshipApplication> allOf(AccountId applicant) {
        return jdbc.query("SELECT * FROM fellowship_application WHERE applicant_id = ? ORDER BY updated_at DESC",
                FellowshipApplicationStore::row, applicant.value().toString());
    }

    /** Inserts a draft; a second draft of the same person for the same call fails on the unique key. */
    public void insertDraft(FellowshipCallId callId, AccountId applicant, String applicantName, String proposal, ApplicantFacts facts,
                            List<UUID> choices, List<FellowshipApplication.Attached> documents, Instant now) {
        jdbc.update("INSERT INTO fellowship_application (id, call_id, applicant_id, applicant_name, status, proposal, facts, choices,"
                        + " documents, created_at, updated_at, version) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, 0)",
                UUID.randomUUID().toString(), callId.toString(), applicant.value().toString(), applicantName, proposal,
                JSON.writeValueAsString(facts), JSON.writeValueAsString(choices), JSON.writeValueAsString(documents), Timestamp.from(now),
                Timestamp.from(now));
    }

    /** Saves into a draft; a submitted or withdrawn application is left as it is. */
    public void updateDraft(FellowshipApplicationId id, String proposal, ApplicantFacts facts, List<UUID> choices,
                            List<FellowshipApplication.Attached> documents, Instant now) {
        jdbc.update("UPDATE fellowship_application SET proposal = ?, facts = ?, choices = ?, documents = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND status = 'DRAFT'", proposal, JSON.writeValueAsString(facts),
                JSON.writeValueAsString(choices), JSON.writeValueAsString(documents), Timestamp.from(now), id.toString());
    }

    /** Submits a draft with its receipt: {@code false} when it was no longer a draft. */
    public boolean submit(FellowshipApplicationId id, String receipt, Instant now) {
        return jdbc.update("UPDATE fellowship_application SET status = 'SUBMITTED', submitted_at = ?, receipt = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND status = 'DRAFT'", Timestamp.from(now), receipt, Timestamp.from(now),
                id.toString()) == 1;
    }

    public void withdraw(FellowshipApplicationId id, Instant now) {
        jdbc.update("UPDATE fellowship_application SET status = 'WITHDRAWN', withdrawn_at = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ?", Timestamp.from(now), Timestamp.from(now), id.toString());
    }

    /** The call's submitted applications, in the order they were submitted. */
    public List<FellowshipApplication> submittedTo(FellowshipCallId callId) {
        return jdbc.query("SELECT * FROM fellowship_application WHERE call_id = ? AND status = 'SUBMITTED' ORDER BY submitted_at",
                FellowshipApplicationStore::row, callId.toString());
    }

    /** A submitted application, or empty (a draft, withdrawn, or none). */
    public Optional<FellowshipApplication> submitted(FellowshipApplicationId id) {
        return jdbc.query("SELECT * FROM fellowship_application WHERE id = ? AND status = 'SUBMITTED'", FellowshipApplicationStore::row,
                id.toString()).stream().findFirst();
    }

    public Optional<AccountId> applicantOf(FellowshipApplicationId id) {
        return jdbc.queryForList("SELECT applicant_id FROM fellowship_application WHERE id = ?", String.class, id.toString()).stream()
                .map(applicant -> new AccountId(UUID.fromString(applicant))).findFirst();
    }

    private static FellowshipApplication row(ResultSet rs, int n) throws SQLException {
        return new FellowshipApplication(FellowshipApplicationId.of(rs.getString("id")), FellowshipCallId.of(rs.getString("call_id")),
                new AccountId(UUID.fromString(rs.getString("applicant_id"))), rs.getString("applicant_name"),
                FellowshipApplication.Status.valueOf(rs.getString("status")), rs.getString("proposal"),
                JSON.readValue(rs.getString("facts"), ApplicantFacts.class),
                JSON.readValue(rs.getString("choices"), new TypeReference<List<UUID>>() { }),
                JSON.readValue(rs.getString("documents"), new TypeReference<List<FellowshipApplication.Attached>>() { }),
                Jdbc.instant(rs, "submitted_at"), rs.getString("receipt"), Jdbc.instant(rs, "updated_at"));
    }
}
