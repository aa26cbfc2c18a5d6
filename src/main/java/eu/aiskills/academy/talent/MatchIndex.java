package eu.aiskills.academy.talent;

import java.sql.Timestamp;
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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What matching reads, kept in memory: for each profile visible to employers and each published
 * posting, its skills as bit sets (one bit per ESCO skill), place and languages. Before each
 * ranking it reads what changed in the database since the last time (rows whose updated_at is
 * newer, with a margin for transactions that committed late), so every application node
 * converges on the database without messages between them. Rankings are re-checked against
 * the database before they are shown (see {@link Matching}). ADR 0015 says why not the search
 * engine.
 */
@Component
class MatchIndex {

    /** Re-read rows this much older than the newest seen: a transaction may commit after a later one. */
    private static final Duration MARGIN = Duration.ofSeconds(10);
    private static final int BATCH = 500;

    /** Skill sets are bit sets as words (see {@link #overlap}). */
    record CandidateEntry(UUID account, long[] skills, long[] verified, String country, Mobility mobility, Set<String> languages,
                          Visibility visibility, Instant updatedAt) {
    }

    record PostingEntry(UUID id, long[] required, long[] optional, String workCountry, RemotePolicy remote, Set<String> languages,
                        PostingKind kind, LocalDate closesOn, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> ordinals = new ConcurrentHashMap<>();
    private final List<String> uris = new ArrayList<>();
    private final Map<UUID, CandidateEntry> candidates = new ConcurrentHashMap<>();
    private final Map<UUID, PostingEntry> postings = new ConcurrentHashMap<>();
    private Instant candidatesSeen = Instant.EPOCH;
    private Instant postingsSeen = Instant.EPOCH;

    MatchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Collection<CandidateEntry> candidates() {
        return candidates.values();
    }

    Collection<PostingEntry> postings() {
        return postings.values();
    }

    synchronized int ordinal(String uri) {
        return ordinals.computeIfAbsent(uri, u -> {
            uris.add(u);
            return uris.size() - 1;
        });
    }

    synchronized String uri(int ordinal) {
        return uris.get(ordinal);
    }

    long[] bits(Collection<String> skillUris) {
        BitSet bits = new BitSet();
        skillUris.forEach(uri -> bits.set(ordinal(uri)));
        return bits.toLongArray();
    }

    /** How many skills two sets share. */
    static int overlap(long[] a, long[] b) {
        int count = 0;
        for (int i = 0, n = Math.min(a.length, b.length); i < n; i++) {
            count += Long.bitCount(a[i] & b[i]);
        }
        return count;
    }

    static int size(long[] set) {
        int count = 0;
        for (long word : set) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** The skills of {@code a} that {@code b} lacks, as URIs. */
    List<String> missing(long[] a, long[] b) {
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

    /** Forgets a candidate at once (erasure); other nodes drop them at the re-check before showing. */
    void forget(UUID account) {
        candidates.remove(account);
    }

    /** Reads what changed since the last call. */
    synchronized void refresh() {
        refreshCandidates();
        refreshPostings();
    }

    private void refreshCandidates() {
        Timestamp since = Timestamp.from(candidatesSeen.minus(MARGIN));
        List<Object[]> rows = jdbc.query("SELECT account_id, country, mobility, visibility, consent_at, updated_at FROM candidate_profile"
                + " WHERE updated_at > ?", (rs, n) -> new Object[] {rs.getString("account_id"), rs.getString("country"),
                rs.getString("mobility"), rs.getString("visibility"), rs.getTimestamp("consent_at"), rs.getTimestamp("updated_at").toInstant()},
                since);
        List<Object[]> visible = new ArrayList<>();
        for (Object[] row : rows) {
            Instant updated = (Instant) row[5];
            if (updated.isAfter(candidatesSeen)) {
                candidatesSeen = updated;
            }
            if ("PRIVATE".equals(row[3]) || row[4] == null) {
                candidates.remove(UUID.fromString((String) row[0]));
            } else {
                visible.add(row);
            }
        }
        for (int start = 0; start < visible.size(); start += BATCH) {
            List<Object[]> batch = visible.subList(start, Math.min(visible.size(), start + BATCH));
            List<String> ids = batch.stream().map(r -> (String) r[0]).toList();
            String in = placeholders(ids.size());
            Map<String, BitSet> skills = new HashMap<>();
            Map<String, BitSet> verified = new HashMap<>();
            jdbc.query("SELECT account_id, skill_uri, source FROM candidate_skill WHERE source <> 'SUGGESTED' AND account_id IN (" + in + ")",
                    rs -> {
                        int bit = ordinal(rs.getString("skill_uri"));
                        String account = rs.getString("account_id");
                        skills.computeIfAbsent(account, a -> new BitSet()).set(bit);
                        if ("VERIFIED".equals(rs.getString("source"))) {
                            verified.computeIfAbsent(account, a -> new BitSet()).set(bit);
                        }
                    }, ids.toArray());
            Map<String, Set<String>> languages = new HashMap<>();
            jdbc.query("SELECT account_id, language FROM candidate_language WHERE account_id IN (" + in + ")",
                    rs -> {
                        languages.computeIfAbsent(rs.getString("account_id"), a -> new HashSet<>()).add(rs.getString("language"));
                    }, ids.toArray());
            for (Object[] row : batch) {
                String account = (String) row[0];
                candidates.put(UUID.fromString(account), new CandidateEntry(UUID.fromString(account),
                        skills.getOrDefault(account, new BitSet()).toLongArray(), verified.getOrDefault(account, new BitSet()).toLongArray(), (String) row[1],
                        Mobility.valueOf((String) row[2]), Set.copyOf(languages.getOrDefault(account, Set.of())),
                        Visibility.valueOf((String) row[3]), (Instant) row[5]));
            }
        }
    }

    private void refreshPostings() {
        Timestamp since = Timestamp.from(postingsSeen.minus(MARGIN));
        List<Object[]> rows = jdbc.query("SELECT id, status, work_country, remote_policy, kind, closes_on, updated_at FROM job_posting"
                + " WHERE updated_at > ?", (rs, n) -> new Object[] {rs.getString("id"), rs.getString("status"), rs.getString("work_country"),
                rs.getString("remote_policy"), rs.getString("kind"), rs.getDate("closes_on").toLocalDate(),
                rs.getTimestamp("updated_at").toInstant()}, since);
        List<Object[]> open = new ArrayList<>();
        for (Object[] row : rows) {
            Instant updated = (Instant) row[6];
            if (updated.isAfter(postingsSeen)) {
                postingsSeen = updated;
            }
            if ("PUBLISHED".equals(row[1])) {
                open.add(row);
            } else {
                postings.remove(UUID.fromString((String) row[0]));
            }
        }
        for (int start = 0; start < open.size(); start += BATCH) {
            List<Object[]> batch = open.subList(start, Math.min(open.size(), start + BATCH));
            List<String> ids = batch.stream().map(r -> (String) r[0]).toList();
            String in = placeholders(ids.size());
            Map<String, BitSet> required = new HashMap<>();
            Map<String, BitSet> optional = new HashMap<>();
            jdbc.query("SELECT posting_id, skill_uri, required FROM job_posting_skill WHERE posting_id IN (" + in + ")",
                    rs -> {
                        (rs.getBoolean("required") ? required : optional).computeIfAbsent(rs.getString("posting_id"), p -> new BitSet())
                                .set(ordinal(rs.getString("skill_uri")));
                    }, ids.toArray());
            Map<String, Set<String>> languages = new HashMap<>();
            jdbc.query("SELECT posting_id, item_value FROM job_posting_item WHERE item_kind = 'LANGUAGE' AND posting_id IN (" + in + ")",
                    rs -> {
                        languages.computeIfAbsent(rs.getString("posting_id"), p -> new HashSet<>()).add(rs.getString("item_value"));
                    }, ids.toArray());
            for (Object[] row : batch) {
                String id = (String) row[0];
                postings.put(UUID.fromString(id), new PostingEntry(UUID.fromString(id), required.getOrDefault(id, new BitSet()).toLongArray(),
                        optional.getOrDefault(id, new BitSet()).toLongArray(), (String) row[2], RemotePolicy.valueOf((String) row[3]),
                        Set.copyOf(languages.getOrDefault(id, Set.of())), PostingKind.valueOf((String) row[4]), (LocalDate) row[5],
                        (Instant) row[6]));
            }
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
