package eu.aiskills.academy.talent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidates' saved searches: each new matching posting is announced once, and once more a few
 * days before it closes unless the candidate applied. Each announcement is recorded, so a
 * retried event or a second node never sends it twice.
 */
@Service
public class SavedSearches {

    /** How many days before its closing date a matching posting is reminded. */
    public static final int REMIND_DAYS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private record Criteria(String text, Set<PostingKind> kinds, Set<String> countries, Set<String> skills) {
    }

    private final JdbcTemplate jdbc;
    private final Postings postings;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SavedSearches(JdbcTemplate jdbc, Postings postings, Catalogue catalogue, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    @SignedIn
    @Transactional
    public SavedSearch save(String name, String text, Set<PostingKind> kinds, Set<String> countries, Set<String> skills) {
        AccountId me = CurrentUser.requireId();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > SavedSearch.NAME_MAX || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("name", "alerts.invalid.name", SavedSearch.NAME_MAX);
        }
        SavedSearch search = new SavedSearch(UUID.randomUUID(), cleanName, text, kinds, countries, skills, clock.instant());
        if (search.text().length() > SavedSearch.TEXT_MAX || search.text().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("text", "alerts.invalid.text", SavedSearch.TEXT_MAX);
        }
        if (!COUNTRIES.containsAll(search.countries())) {
            throw UserFacingException.onField("countries", "posting.invalid.country");
        }
        Set<String> known = new HashSet<>(catalogue.skills().stream().map(Skill::uri).toList());
        if (!known.containsAll(search.skills())) {
            throw UserFacingException.onField("skills", "candidate.invalid.skills");
        }
        if (search.text().isEmpty() && search.kinds().isEmpty() && search.countries().isEmpty() && search.skills().isEmpty()) {
            throw new UserFacingException("alerts.invalid.empty");
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM saved_search WHERE account_id = ?", Integer.class, me.value().toString());
        if (count != null && count >= SavedSearch.PER_PERSON_MAX) {
            throw new UserFacingException("alerts.invalid.too-many", SavedSearch.PER_PERSON_MAX);
        }
        jdbc.update("INSERT INTO saved_search (id, account_id, name, criteria, created_at) VALUES (?, ?, ?, ?, ?)", search.id().toString(),
                me.value().toString(), search.name(), JSON.writeValueAsString(new Criteria(search.text(), search.kinds(), search.countries(),
                        search.skills())), Timestamp.from(search.createdAt()));
        return search;
    }

    @SignedIn
    @Transactional(readOnly = true)
    public List<SavedSearch> mine() {
        return jdbc.query("SELECT * FROM saved_search WHERE account_id = ? ORDER BY created_at", (rs, n) -> read(rs),
                CurrentUser.requireId().value().toString());
    }

    @SignedIn
    @Transactional
    public void delete(UUID id) {
        if (jdbc.update("DELETE FROM saved_search WHERE id = ? AND account_id = ?", id.toString(), CurrentUser.requireId().value().toString()) == 0) {
            throw new NotFoundException("alerts.not-found");
        }
    }

    /** Announces a newly published posting to every candidate whose saved search matches it, once each. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public int announce(UUID postingId) {
        Posting posting = postings.load(postingId);
        if (posting.status() != PostingStatus.PUBLISHED) {
            return 0;
        }
        int sent = 0;
        for (Owned search : all()) {
            if (search.search().matches(posting) && record(search.account(), postingId, "ANNOUNCED")) {
                events.publishEvent(new PostingAlert(search.account(), postingId, posting.draft().title(), search.search().name(), false));
                sent++;
            }
        }
        return sent;
    }

    /** Reminds candidates of announced postings that close within {@link #REMIND_DAYS} days and that they have not applied to. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public int remindClosing() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<String[]> due = jdbc.query("SELECT h.account_id, h.posting_id FROM saved_search_hit h JOIN job_posting p ON p.id = h.posting_id"
                        + " WHERE h.kind = 'ANNOUNCED' AND p.status = 'PUBLISHED' AND p.closes_on >= ? AND p.closes_on <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM saved_search_hit r WHERE r.account_id = h.account_id AND r.posting_id = h.posting_id"
                        + " AND r.kind = 'REMINDED')"
                        + " AND NOT EXISTS (SELECT 1 FROM job_application a WHERE a.candidate_id = h.account_id AND a.posting_id = h.posting_id)",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, today, today.plusDays(REMIND_DAYS));
        int sent = 0;
        for (String[] row : due) {
            AccountId account = new AccountId(UUID.fromString(row[0]));
            UUID postingId = UUID.fromString(row[1]);
            Posting posting = postings.load(postingId);
            String searchName = all().stream().filter(s -> s.account().equals(account) && s.search().matches(posting))
                    .map(s -> s.search().name()).findFirst().orElse(null);
            if (searchName != null && record(account, postingId, "REMINDED")) {
                events.publishEvent(new PostingAlert(account, postingId, posting.draft().title(), searchName, true));
                sent++;
            }
        }
        return sent;
    }

    private record Owned(AccountId account, SavedSearch search) {
    }

    private List<Owned> all() {
        return jdbc.query("SELECT * FROM saved_search", (rs, n) -> new Owned(new AccountId(UUID.fromString(rs.getString("account_id"))), read(rs)));
    }

    private boolean record(AccountId account, UUID posting, String kind) {
        try {
            return jdbc.update("INSERT INTO saved_search_hit (account_id, posting_id, kind, sent_at) SELECT ?, ?, ?, ? FROM (SELECT 1 AS one) x"
                        + " WHERE NOT EXISTS (SELECT 1 FROM saved_search_hit WHERE account_id = ? AND posting_id = ? AND kind = ?)",
                account.value().toString(), posting.toString(), kind, Timestamp.from(clock.instant()), account.value().toString(),
                posting.toString(), kind) == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    private static SavedSearch read(java.sql.ResultSet rs) throws java.sql.SQLException {
        Criteria c = JSON.readValue(rs.getString("criteria"), Criteria.class);
        return new SavedSearch(UUID.fromString(rs.getString("id")), rs.getString("name"), c.text(), c.kinds(), c.countries(), c.skills(),
                rs.getTimestamp("created_at").toInstant());
    }
}
