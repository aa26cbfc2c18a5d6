package eu.aiskills.academy.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.talent.internal.MatchIndex;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks candidates for a posting and postings for a candidate by their ESCO skills, and says
 * why: how many required skills match, how many of those a credential verifies, which are
 * missing (and, for a candidate, the courses that teach them). Employers only ever see
 * candidates who are open to offers and consented; each ranking is checked against the
 * database before it is shown.
 */
@Service
public class Matching {

    public static final int LIMIT_MAX = 100;
    static final double SKILLS_SHARE = 0.85;
    static final int RELEVANCE_POINTS = 15;
    /** How many of the best text matches the search engine is asked for. */
    static final int RELEVANCE_POOL = 500;

    /**
     * Why a candidate and a posting match.
     *
     * @param score        0 to 100: required skills count twice, verified ones once more, optional
     *                     ones half; a place that does not fit costs a fifth; then {@value #SKILLS_SHARE}
     *                     of that plus up to {@value #RELEVANCE_POINTS} points for how well the texts match
     * @param relevance    0 to 100: how well the texts match (the search engine's relevance, relative
     *                     to the best match), 0 when search is unavailable
     * @param missing      required skills the candidate lacks
     * @param placeFits    remote work, same country, or a candidate who moves across the EU or further
     * @param languageFits the candidate speaks one of the posting's working languages
     */
    public record Explanation(int requiredTotal, int requiredMatched, int verifiedMatched, int optionalTotal, int optionalMatched,
                              List<Skill> missing, boolean placeFits, boolean languageFits, int score, int relevance) {
    }

    public record CandidateMatch(AccountId candidate, String displayName, String headline, String country, String city,
                                 Explanation why) {
    }

    /** A posting for a candidate, with the published courses that teach each missing skill. */
    public record PostingMatch(Posting posting, Explanation why, Map<String, List<CourseSummary>> coursesForMissing) {
    }

    /**
     * Narrows a candidate ranking.
     *
     * @param minRequired  at least this many required skills
     * @param verifiedOnly count only skills a credential verifies
     * @param country      candidates living in this country, or {@code null}
     * @param language     candidates speaking this language, or {@code null}
     */
    public record CandidateFilter(int minRequired, boolean verifiedOnly, String country, String language) {

        public static final CandidateFilter NONE = new CandidateFilter(1, false, null, null);
    }

    private final MatchIndex index;
    private final Postings postings;
    private final Candidates candidates;
    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final Clock clock;
    private final ObjectProvider<MatchRelevance> relevance;

    Matching(MatchIndex index, Postings postings, Candidates candidates, Catalogue catalogue, AccountManagement accounts,
             Clock clock, ObjectProvider<MatchRelevance> relevance) {
        this.relevance = relevance;
        this.index = index;
        this.postings = postings;
        this.candidates = candidates;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The best candidates for one of the employer's postings who are open to offers. */
    @RolesAllowed(Roles.EMPLOYER)
    @Transactional(readOnly = true)
    public List<CandidateMatch> candidatesFor(UUID postingId, CandidateFilter filter, int limit) {
        Posting posting = postings.load(postingId);
        postings.requireEmployerOf(posting.draft().organisation());
        if (filter.minRequired() < 0 || limit < 1 || limit > LIMIT_MAX) {
            throw new UserFacingException("match.invalid.filter", LIMIT_MAX);
        }
        index.refresh();
        long[] required = index.bits(posting.draft().requiredSkills());
        long[] optional = index.bits(posting.draft().optionalSkills());
        Set<String> languages = Set.copyOf(posting.draft().languages());
        Map<UUID, Double> relevant = new HashMap<>();
        MatchRelevance texts = relevance.getIfAvailable();
        if (texts != null) {
            texts.candidatesFor(text(posting), RELEVANCE_POOL).forEach((account, r) -> relevant.put(account.value(), r));
        }
        Comparator<Scored<MatchIndex.CandidateEntry>> order = Comparator.<Scored<MatchIndex.CandidateEntry>>comparingInt(Scored::score)
                .thenComparingInt(Scored::verified).thenComparing(s -> s.entry().updatedAt()).thenComparing(s -> s.entry().account());
        PriorityQueue<Scored<MatchIndex.CandidateEntry>> best = new PriorityQueue<>(order);
        for (MatchIndex.CandidateEntry candidate : index.candidates()) {
            if (candidate.visibility() != Visibility.OPEN_TO_OFFERS
                    || (filter.country() != null && !filter.country().equals(candidate.country()))
                    || (filter.language() != null && !candidate.languages().contains(filter.language()))) {
                continue;
            }
            long[] skills = filter.verifiedOnly() ? candidate.verified() : candidate.skills();
            int matched = MatchIndex.overlap(required, skills);
            if (matched < Math.max(1, filter.minRequired())) {
                continue;
            }
            int verified = MatchIndex.overlap(required, candidate.verified());
            boolean place = placeFits(posting, candidate.country(), candidate.mobility());
            double textual = relevant.getOrDefault(candidate.account(), 0.0);
            int score = blend(score(MatchIndex.size(required), matched, verified, MatchIndex.size(optional),
                    MatchIndex.overlap(optional, skills), place), textual);
            best.add(new Scored<>(candidate, score, verified, textual));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Scored<MatchIndex.CandidateEntry>> ranked = new ArrayList<>(best);
        ranked.sort(order.reversed());
        return shownCandidates(ranked, posting, required, optional, languages);
    }

    /** The best open postings for the signed-in person, by their profile's skills, with the courses that close the gaps. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<PostingMatch> postingsForMe(PostingKind kind, int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new UserFacingException("match.invalid.filter", LIMIT_MAX);
        }
        CandidateProfile me = candidates.mine();
        index.refresh();
        long[] skills = index.bits(me.skills().stream().map(CandidateSkill::uri).toList());
        long[] verified = index.bits(me.skills().stream().filter(s -> s.source() == SkillSource.VERIFIED).map(CandidateSkill::uri).toList());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        MatchRelevance texts = relevance.getIfAvailable();
        Map<UUID, Double> relevant = texts == null ? Map.of() : texts.postingsFor(text(me), RELEVANCE_POOL);
        Comparator<Scored<MatchIndex.PostingEntry>> order = Comparator.<Scored<MatchIndex.PostingEntry>>comparingInt(Scored::score)
                .thenComparingInt(Scored::verified).thenComparing(s -> s.entry().closesOn(), Comparator.reverseOrder())
                .thenComparing(s -> s.entry().id());
        PriorityQueue<Scored<MatchIndex.PostingEntry>> best = new PriorityQueue<>(order);
        for (MatchIndex.PostingEntry posting : index.postings()) {
            if (posting.closesOn().isBefore(today) || (kind != null && posting.kind() != kind)) {
                continue;
            }
            int matched = MatchIndex.overlap(posting.required(), skills);
            if (matched == 0) {
                continue;
            }
            int verifiedMatched = MatchIndex.overlap(posting.required(), verified);
            boolean place = placeFits(posting.remote(), posting.workCountry(), me.draft().country(), me.draft().mobility());
            double textual = relevant.getOrDefault(posting.id(), 0.0);
            int score = blend(score(MatchIndex.size(posting.required()), matched, verifiedMatched, MatchIndex.size(posting.optional()),
                    MatchIndex.overlap(posting.optional(), skills), place), textual);
            best.add(new Scored<>(posting, score, verifiedMatched, textual));
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Scored<MatchIndex.PostingEntry>> ranked = new ArrayList<>(best);
        ranked.sort(order.reversed());
        Map<String, Skill> labels = skillsByUri();
        List<PostingMatch> shown = new ArrayList<>();
        for (Scored<MatchIndex.PostingEntry> scored : ranked) {
            Posting posting = postings.load(scored.entry().id());
            if (posting.status() != PostingStatus.PUBLISHED || posting.draft().closesOn().isBefore(today)) {
                continue;
            }
            long[] required = index.bits(posting.draft().requiredSkills());
            long[] optional = index.bits(posting.draft().optionalSkills());
            Explanation why = explain(posting, required, optional, skills, verified, me.draft().languages(),
                    scored.score(), scored.relevance(), placeFits(posting, me.draft().country(), me.draft().mobility()), labels);
            Map<String, List<CourseSummary>> courses = catalogue.coursesTeaching(why.missing().stream().map(Skill::uri).toList());
            shown.add(new PostingMatch(posting, why, courses));
        }
        return shown;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private record Scored<T>(T entry, int score, int verified, double relevance) {
    }

    /** Skills' score and text relevance together, 0 to 100. */
    static int blend(int skillsScore, double relevance) {
        return (int) Math.round(SKILLS_SHARE * skillsScore + RELEVANCE_POINTS * Math.clamp(relevance, 0.0, 1.0));
    }

    /** What a posting says, for text relevance: title, description and skills. */
    private String text(Posting posting) {
        Map<String, Skill> labels = skillsByUri();
        StringBuilder text = new StringBuilder(posting.draft().title()).append('\n').append(Markdown.toPlainText(posting.draft().description()));
        posting.draft().requiredSkills().forEach(uri -> text.append('\n').append(labels.containsKey(uri) ? labels.get(uri).label() : ""));
        return clipped(text);
    }

    /** What a candidate says of themselves, for text relevance: headline, experience, education and skills. */
    private static String text(CandidateProfile profile) {
        StringBuilder text = new StringBuilder(profile.draft().headline()).append('\n')
                .append(Markdown.toPlainText(profile.draft().experience())).append('\n')
                .append(Markdown.toPlainText(profile.draft().education()));
        profile.skills().forEach(skill -> text.append('\n').append(skill.label()));
        return clipped(text);
    }

    /** Long texts are cut: the first words carry most of what a match needs, and the engine's query stays cheap. */
    private static String clipped(StringBuilder text) {
        return text.length() > 4_000 ? text.substring(0, 4_000) : text.toString();
    }

    private List<CandidateMatch> shownCandidates(List<Scored<MatchIndex.CandidateEntry>> ranked, Posting posting, long[] required,
                                                 long[] optional, Set<String> languages) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        // The index may be a moment behind another node: only profiles open to offers with consent right now are shown.
        Map<UUID, MatchIndex.Shown> current = index.shownNow(ranked.stream().map(s -> s.entry().account()).toList());
        Map<AccountId, String> names = accounts.displayNames(ranked.stream().map(s -> new AccountId(s.entry().account())).toList());
        Map<String, Skill> labels = skillsByUri();
        List<CandidateMatch> shown = new ArrayList<>();
        for (Scored<MatchIndex.CandidateEntry> scored : ranked) {
            MatchIndex.Shown row = current.get(scored.entry().account());
            if (row == null) {
                continue;
            }
            MatchIndex.CandidateEntry c = scored.entry();
            Explanation why = explain(posting, required, optional, c.skills(), c.verified(), List.copyOf(c.languages()), scored.score(),
                    scored.relevance(), placeFits(posting, c.country(), c.mobility()), labels);
            AccountId account = new AccountId(c.account());
            shown.add(new CandidateMatch(account, names.getOrDefault(account, ""), row.headline(), row.country(), row.city(), why));
        }
        return shown;
    }

    private Explanation explain(Posting posting, long[] required, long[] optional, long[] skills, long[] verified, List<String> languages,
                                int score, double relevance, boolean place, Map<String, Skill> labels) {
        List<Skill> missing = index.missing(required, skills).stream().map(uri -> labels.getOrDefault(uri, new Skill(uri, uri))).toList();
        boolean language = posting.draft().languages().stream().anyMatch(languages::contains);
        return new Explanation(MatchIndex.size(required), MatchIndex.overlap(required, skills), MatchIndex.overlap(required, verified),
                MatchIndex.size(optional), MatchIndex.overlap(optional, skills), missing, place, language, score,
                (int) Math.round(100 * relevance));
    }

    private static boolean placeFits(Posting posting, String country, Mobility mobility) {
        return placeFits(posting.draft().remote(), posting.draft().workCountry(), country, mobility);
    }

    private static boolean placeFits(RemotePolicy remote, String workCountry, String country, Mobility mobility) {
        return remote == RemotePolicy.REMOTE || workCountry.equals(country) || mobility == Mobility.EU || mobility == Mobility.WORLDWIDE;
    }

    static int score(int requiredTotal, int requiredMatched, int verifiedMatched, int optionalTotal, int optionalMatched, boolean place) {
        double best = 3.0 * requiredTotal + 0.5 * optionalTotal;
        double got = 2.0 * requiredMatched + verifiedMatched + 0.5 * optionalMatched;
        double score = best == 0 ? 0 : 100 * got / best;
        return (int) Math.round(place ? score : score * 0.8);
    }

    private Map<String, Skill> skillsByUri() {
        return catalogue.skills().stream().collect(Collectors.toMap(Skill::uri, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
