package eu.aiskills.academy.talent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.SavedSearch;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved searches and the alerts sent for them, in the database (ADR 0019). An alert is recorded
 * by a conditional insert that the unique key backs, so a retried event or a second node never
 * sends it twice. {@code SavedSearches} checks who may do what before it calls here.
 */
@Component
public class SavedSearchStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved search with whose it is. */
    public record Owned(AccountId account, SavedSearch search) {
    }

    /** An announced posting closing soon, for the candidate it was announced to. */
    public record Due(AccountId account, UUID posting) {
    }

    /** How a search's criteria are stored (JSON in one column). */
    private record Criteria(String text, Set<PostingKind> kinds, Set<String> countries, Set<String> skills) {
    }

    private final JdbcTemplate jdbc;

    SavedSearchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int countOf(AccountId account) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM saved_search WHERE account_id = ?", Integer.class, account.toString());
        return count == null ? 0 : count;
    }

    public void insert(AccountId account, SavedSearch search) {
        jdbc.update("INSERT INTO saved_search (id, account_id, name, criteria, created_at) VALUES (?, ?, ?, ?, ?)", search.id().toString(),
                account.toString(), search.name(), JSON.writeValueAsString(new Criteria(search.text(), search.kinds(), search.countries(),
                        search.skills())), Timestamp.from(search.createdAt()));
    }

    public List<SavedSearch> of(AccountId account) {
        return jdbc.query("SELECT * FROM saved_search WHERE account_id = ? ORDER BY created_at", (rs, n) -> read(rs), account.toString());
    }

    /** Deletes the account's search; false when it has none by this id. */
    public boolean delete(UUID id, AccountId account) {
        return jdbc.update("DELETE FROM saved_search WHERE id = ? AND account_id = ?", id.toString(), account.toString()) == 1;
    }

    public List<Owned> all() {
        return jdbc.query("SELECT * FROM saved_search", (rs, n) -> new Owned(AccountId.of(rs.getString("account_id")), read(rs)));
    }

    /** Records that the account was alerted of the posting ({@code kind}: ANNOUNCED or REMINDED); false when it already was. */
    public boolean record(AccountId account, UUID posting, String kind, Instant now) {
        try {
            return jdbc.update("INSERT INTO saved_search_hit (account_id, posting_id, kind, sent_at) SELECT ?, ?, ?, ? FROM (SELECT 1 AS one) x"
                            + " WHERE NOT EXISTS (SELECT 1 FROM saved_search_hit WHERE account_id = ? AND posting_id = ? AND kind = ?)",
                    account.toString(), posting.toString(), kind, Timestamp.from(now), account.toString(), posting.toString(), kind) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Announced, still published postings closing between the two days, not yet reminded and not applied to. */
    public List<Due> dueReminders(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT h.account_id, h.posting_id FROM saved_search_hit h JOIN job_posting p ON p.id = h.posting_id"
                        + " WHERE h.kind = 'ANNOUNCED' AND p.status = 'PUBLISHED' AND p.closes_on >= ? AND p.closes_on <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM saved_search_hit r WHERE r.account_id = h.account_id AND r.posting_id = h.posting_id"
                        + " AND r.kind = 'REMINDED')"
                        + " AND NOT EXISTS (SELECT 1 FROM job_application a WHERE a.candidate_id = h.account_id AND a.posting_id = h.posting_id)",
                (rs, n) -> new Due(AccountId.of(rs.getString(1)), UUID.fromString(rs.getString(2))), from, to);
    }

    private static SavedSearch read(ResultSet rs) throws SQLException {
        Criteria c = JSON.readValue(rs.getString("criteria"), Criteria.class);
        return new SavedSearch(UUID.fromString(rs.getString("id")), rs.getString("name"), c.text(), c.kinds(), c.countries(), c.skills(),
                Jdbc.instant(rs, "created_at"));
    }
}
