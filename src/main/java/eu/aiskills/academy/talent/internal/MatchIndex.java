package eu.aiskills.academy.talent.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import eu.aiskills.academy.shared.Jdbc;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What matching reads, kept in memory: for each profile visible to employers and each published
 * posting, its skills as bit sets (one bit per ESCO skill), place and languages. Before each
 * ranking it reads what changed in the database since the previous ranking began, less a margin
 * for transactions that committed late and for clocks a little apart, so every application node
 * converges on the database without messages between them. Rankings are re-checked against
 * the database before they are shown (see {@code Matching}). ADR 0015 says why not the search
 * engine.
 */
@Component
public class MatchIndex {

    /** Re-read rows this much older than the previous refresh: a transaction may commit after it began. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final int BATCH = 500;
    private static final int FULL_SCAN_ABOVE = 2_000;

    /** Skill sets are bit sets as words (see {@link #overlap}). */
    public record CandidateEntry(UUID account, long[] skills, long[] verified, String country, Mobility mobility, Set<String> languages,
                          Visibility visibility, Instant updatedAt) {
    }

    public record PostingEntry(UUID id, long[] required, long[] optional, String workCountry, RemotePolicy remote, Set<String> languages,
                        PostingKind kind, LocalDate closesOn, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    private final List<String> uris = new ArrayList<>();
    private final Map<UUID, CandidateEntry> candidates = new ConcurrentHashMap<>();
    private final Map<UUID, PostingEntry> postings = new ConcurrentHashMap<>();
    /** Rows updated after these instants are read again: the previous refresh's start, less the margin. */
    private Instant candidatesFrom = Instant.EPOCH;
    private Instant postingsFrom = Instant.EPOCH;
    private final Clock clock;

    MatchIndex(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Collection<CandidateEntry> candidates() {
        return candidates.values();
    }

    public Collection<PostingEntry> postings() {
        return postings.values();
    }

    public synchronized int ordinal(String uri) {
        return ordinals.computeIfAbsent(uri, u -> {
            uris.add(u);
            return uris.size() - 1;
        });
    }

    public synchronized String uri(int ordinal) {
        return uris.get(ordinal);
    }

    public long[] bits(Collection<String> skillUris) {
        BitSet bits = new BitSet();
        skillUris.forEach(uri -> bits.set(ordinal(uri)));
        return bits.toLongArray();
    }

    /** How many skills two sets share. */
    public static int overlap(long[] a, long[] b) {
        int count = 0;
        for (int i = 0, n = Math.min(a.length, b.length); i < n; i++) {
            count += Long.bitCount(a[i] & b[i]);
        }
        return count;
    }

    public static int size(long[] set) {
        int count = 0;
        for (long word : set) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The skills of {@code a} that {@code b} lacks, as URIs. */
    public List<String> missing(long[] a, long[] b) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            long word = a[i] & ~(i < b.length ? b[i] : 0L);
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                missing.add(uri(i * 64 + bit));
                word &= word - 1;
            }
        }
        return missing;
    }

    /** What an employer is shown of a candidate the index ranked. */
    public record Shown(String headline, String country, String city) {
    }

    /**
     * The re-check before a ranking is shown: of these accounts, those whose profiles are open to
     * offers with consent right now (the index may be a moment behind another node), with what is shown.
     */
    public Map<UUID, Shown> shownNow(List<UUID> accounts) {
        Map<UUID, Shown> current = new HashMap<>();
        if (accounts.isEmpty()) {
            return current;
        }
        jdbc.query("SELECT account_id, headline, country, city FROM candidate_profile WHERE visibility = 'OPEN_TO_OFFERS'"
                        + " AND consent_at IS NOT NULL AND account_id IN (" + Jdbc.placeholders(accounts.size()) + ")",
                rs -> {
                    current.put(UUID.fromString(rs.getString("account_id")),
                            new Shown(rs.getString("headline"), rs.getString("country"), rs.getString("city")));
                }, accounts.stream().map(UUID::toString).toArray());
        return current;
    }

    /** Forgets a candidate at once (erasure); other nodes drop them at the re-check before showing. */
    public void forget(UUID account) {
        candidates.remove(account);
    }

    /** Reads what changed since the last call. */
    public synchronized void refresh() {
        refreshCandidates();
        refreshPostings();
    }

    private void refreshCandidates() {
        Instant started = clock.instant();
        Timestamp since = Timestamp.from(candidatesFrom);
        List<Object[]> rows = jdbc.query("SELECT account_id, country, mobility, visibility, consent_at, updated_at FROM candidate_profile"
                + " WHERE updated_at > ?", (rs, n) -> new Object[] {rs.getString("account_id"), rs.getString("country"),
                rs.getString("mobility"), rs.getString("visibility"), rs.getTimestamp("consent_at"), rs.getTimestamp("updated_at").toInstant()},
                since);
        List<Object[]> visible = new ArrayList<>();
        for (Object[] row : rows) {
            if ("PRIVATE".equals(row[3]) || row[4] == null) {
                candidates.remove(UUID.fromString((String) row[0]));
            } else {
                visible.add(row);
            }
        }
        Set<String> ids = new HashSet<>(visible.stream().map(r -> (String) r[0]).toList());
        Map<String, BitSet> skills = new HashMap<>();
        Map<String, BitSet> verified = new HashMap<>();
        read("SELECT account_id, skill_uri, source FROM candidate_skill WHERE source <> 'SUGGESTED'", "account_id", ids, rs -> {
            int bit = ordinal(rs.getString("skill_uri"));
            String account = rs.getString("account_id");
            skills.computeIfAbsent(account, a -> new BitSet()).set(bit);
            if ("VERIFIED".equals(rs.getString("source"))) {
                verified.computeIfAbsent(account, a -> new BitSet()).set(bit);
            }
        });
        Map<String, Set<String>> languages = new HashMap<>();
        read("SELECT account_id, language FROM candidate_language", "account_id", ids,
                rs -> languages.computeIfAbsent(rs.getString("account_id"), a -> new HashSet<>()).add(rs.getString("language")));
        for (Object[] row : visible) {
            String account = (String) row[0];
            candidates.put(UUID.fromString(account), new CandidateEntry(UUID.fromString(account),
                    skills.getOrDefault(account, new BitSet()).toLongArray(), verified.getOrDefault(account, new BitSet()).toLongArray(),
                    (String) row[1], Mobility.valueOf((String) row[2]), Set.copyOf(languages.getOrDefault(account, Set.of())),
                    Visibility.valueOf((String) row[3]), (Instant) row[5]));
        }
        candidatesFrom = started.minus(MARGIN);
    }

    private void refreshPostings() {
        Instant started = clock.instant();
        Timestamp since = Timestamp.from(postingsFrom);
        List<Object[]> rows = jdbc.query("SELECT id, status, work_country, remote_policy, kind, closes_on, updated_at FROM job_posting"
                + " WHERE updated_at > ?", (rs, n) -> new Object[] {rs.getString("id"), rs.getString("status"), rs.getString("work_country"),
                rs.getString("remote_policy"), rs.getString("kind"), rs.getDate("closes_on").toLocalDate(),
                rs.getTimestamp("updated_at").toInstant()}, since);
        List<Object[]> open = new ArrayList<>();
        for (Object[] row : rows) {
            if ("PUBLISHED".equals(row[1])) {
                open.add(row);
            } else {
                postings.remove(UUID.fromString((String) row[0]));
            }
        }
        Set<String> ids = new HashSet<>(open.stream().map(r -> (String) r[0]).toList());
        Map<String, BitSet> required = new HashMap<>();
        Map<String, BitSet> optional = new HashMap<>();
        read("SELECT posting_id, skill_uri, required FROM job_posting_skill", "posting_id", ids,
                rs -> (rs.getBoolean("required") ? required : optional).computeIfAbsent(rs.getString("posting_id"), p -> new BitSet())
                        .set(ordinal(rs.getString("skill_uri"))));
        Map<String, Set<String>> languages = new HashMap<>();
        read("SELECT posting_id, item_value FROM job_posting_item WHERE item_kind = 'LANGUAGE'", "posting_id", ids,
                rs -> languages.computeIfAbsent(rs.getString("posting_id"), p -> new HashSet<>()).add(rs.getString("item_value")));
        for (Object[] row : open) {
            String id = (String) row[0];
            postings.put(UUID.fromString(id), new PostingEntry(UUID.fromString(id), required.getOrDefault(id, new BitSet()).toLongArray(),
                    optional.getOrDefault(id, new BitSet()).toLongArray(), (String) row[2], RemotePolicy.valueOf((String) row[3]),
                    Set.copyOf(languages.getOrDefault(id, Set.of())), PostingKind.valueOf((String) row[4]), (LocalDate) row[5],
                    (Instant) row[6]));
        }
        postingsFrom = started.minus(MARGIN);
    }

    /**
     * Reads the rows of {@code select} that belong to {@code ids}: by key in batches when they are
     * few (each refresh), in one pass over the table when they are many (the first load), where
     * thousands of key lookups would cost far more than one sequential read.
     */
    private void read(String select, String idColumn, Set<String> ids, RowCallbackHandler handler) {
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() > FULL_SCAN_ABOVE) {
            jdbc.query(select, rs -> {
                if (ids.contains(rs.getString(idColumn))) {
                    handler.processRow(rs);
                }
            });
            return;
        }
        List<String> all = List.copyOf(ids);
        String joiner = select.contains(" WHERE ") ? " AND " : " WHERE ";
        for (int start = 0; start < all.size(); start += BATCH) {
            List<String> batch = all.subList(start, Math.min(all.size(), start + BATCH));
            jdbc.query(select + joiner + idColumn + " IN (" + Jdbc.placeholders(batch.size()) + ")", handler, batch.toArray());
        }
    }

}
