package eu.aiskills.academy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.DisplayName;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.search.CandidateSearch;
import eu.aiskills.academy.search.CandidateFinder;
import eu.aiskills.academy.search.Search;
import eu.aiskills.academy.search.SearchQuery;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.Mobility;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.ProfileDraft;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.SavedSearches;
import eu.aiskills.academy.talent.Seniority;
import eu.aiskills.academy.talent.Visibility;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same hostile values typed into every kind of text the platform takes (profiles, postings,
 * alerts, names, searches, file names): each is either refused with a message a person can act on
 * (in every language), or kept and shown inert. Nothing ends in a database error, a crash or a
 * file outside the store.
 */
@AcademyTest
class HostileInputTest {

    static final List<String> HOSTILE = List.of(
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "'; DROP TABLE account; --",
            "../../../../etc/passwd",
            "a\u0000b\u0007c\u001bd",
            "\u202Eevil.pdf",
            "x".repeat(100_000));
    private static final String STATISTICS = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833";

    @Autowired
    ApplicationContext context;
    @Autowired
    Candidates candidates;
    @Autowired
    Postings postings;
    @Autowired
    SavedSearches searches;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Documents documents;
    @Autowired
    eu.aiskills.academy.identity.AccountRecovery recovery;
    @Autowired
    eu.aiskills.academy.identity.SecondFactor secondFactor;
    @Autowired
    Search search;
    @Autowired
    CandidateFinder finder;
    @Autowired
    OrganisationManagement organisations;

    private final List<String> failures = new ArrayList<>();
    private int refused;
    private int kept;

    @Test
    void hostileValuesAreRefusedWithAMessageOrKeptInertNeverACrash() throws Exception {
        String someone = KaribuSupport.person(context, "hostile@example.org", "Hos Tile", Role.STUDENT);
        var aurora = KaribuSupport.as(context, "employer@academy.test", () -> organisations.myMemberships().stream()
                .filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst().orElseThrow().organisationId());

        for (String value : HOSTILE) {
            try_("profile", value, someone, () -> candidates.save(new ProfileDraft(value, value, value, "AT", value, Mobility.EU,
                    List.of("en"), List.of(STATISTICS), Visibility.PRIVATE, false)), saved -> List.of(
                    Markdown.toSafeHtml(saved.draft().experience()), Markdown.toSafeHtml(saved.draft().education())));
            try_("posting", value, "employer@academy.test", () -> postings.create(new PostingDraft(aurora, PostingKind.JOB, value, value,
                    null, Seniority.MID, List.of(value), RemotePolicy.HYBRID, "AT", false, new BigDecimal("1"), new BigDecimal("2"), "EUR",
                    "YEAR", List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(10), 1, List.of(STATISTICS), List.of(), value, List.of(),
                    List.of(value))), (Posting saved) -> List.of(Markdown.toSafeHtml(saved.draft().description()),
                    Markdown.toSafeHtml(saved.draft().trainingPlan() == null ? "" : saved.draft().trainingPlan())));
            try_("alert", value, someone, () -> searches.save(value, value, Set.of(), Set.of(), Set.of()), saved -> List.of());
            try_("display name", value, someone, () -> accounts.updateProfile(new DisplayName(value), Locale.ENGLISH), saved -> List.of());
            try_("search", value, someone, () -> search.catalogue(new SearchQuery(value, Map.of("skills", Set.of(value)),
                    null, 0, 10)), found -> found.hits().stream().map(h -> h.snippetHtml()).toList());
            try_("candidate search", value, "employer@academy.test", () -> finder.candidates(new CandidateSearch(value,
                    Map.of("country", Set.of(value)), 0, 10)), found -> found.hits().stream().map(h -> h.snippetHtml()).toList());
            try_("password reset address", value, someone, () -> {
                recovery.requestReset(value, value);
                return null;
            }, none -> List.of());
            try_("reset link", value, someone, () -> {
                recovery.resetPassword(value, value);
                return null;
            }, none -> List.of());
            try_("verification link", value, someone, () -> recovery.verifyEmail(value), verified -> List.of());
            try_("second-factor code", value, someone, () -> {
                secondFactor.begin();
                return secondFactor.confirm(value);
            }, codes -> List.of());
            try_("file name", value, someone, () -> documents.store(DocumentPurpose.CV, value + ".md",
                    new ByteArrayInputStream("# CV\n\nPython.\n".getBytes(StandardCharsets.UTF_8))), (StoredDocument saved) -> {
                assertThat(saved.fileName()).as("a stored file name is a name, not a path").doesNotContain("/", "\\", "\u0000");
                return List.of();
            });
        }

        assertThat(failures).as("hostile values that crashed or came back live").isEmpty();
        assertThat(refused).as("some values are refused").isPositive();
        assertThat(kept).as("some values are kept, inert").isPositive();
        // Every test context's data lives under target/test-data (lab sandboxes have an etc/passwd of their own).
        try (var files = Files.walk(Path.of("target/test-data"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("passwd") && !f.toString().contains("/labs/sessions/")))
                    .as("nothing written through a path").isEmpty();
        }
    }

    private <T> void try_(String where, String value, String who, Callable<T> action, Function<T, List<String>> shown) {
        String label = where + " ← " + (value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + " chars)" : value);
        try {
            T result = KaribuSupport.as(context, who, action);
            kept++;
            for (String html : shown.apply(result)) {
                String lower = html.toLowerCase(Locale.ROOT);
                if (lower.contains("<script") || lower.contains("onerror") || lower.contains("javascript:")) {
                    failures.add(label + ": shown live: " + html.substring(0, Math.min(120, html.length())));
                }
            }
        } catch (UserFacingException refusal) {
            refused++;
            for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH)) {
                String message = Translations.get(locale, refusal.messageKey(), refusal.arguments());
                if (message == null || message.isBlank() || message.startsWith("!")) {
                    failures.add(label + ": refused without a " + locale + " message (" + refusal.messageKey() + ")");
                }
            }
        } catch (Exception | AssertionError e) {
            failures.add(label + ": " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
