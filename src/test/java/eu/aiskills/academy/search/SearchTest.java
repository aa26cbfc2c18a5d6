package eu.aiskills.academy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.aiskills.academy.catalogue.internal.CourseContentImport;
import eu.aiskills.academy.catalogue.internal.CourseImports;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.search.internal.embedded.EmbeddedSearchEngine;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Search over the demo catalogue on the embedded Elasticsearch node, through the module's API.
 * Its own Spring context (the courses it writes stay out of other tests' counts), with a small
 * rebuild batch so that rebuilds run over many batches.
 */
@AcademyTest
@org.springframework.test.context.TestPropertySource(properties = "academy.search.rebuild-batch-size=2")
class SearchTest {

    /** The demo catalogue's levels; the courses these tests write are all ADVANCED, so counts stay stable. */
    private static final Map<String, Set<String>> DEMO_LEVELS = Map.of("level", Set.of("INTRODUCTORY", "INTERMEDIATE"));

    @Autowired
    Search search;
    @Autowired
    SearchAdministration administration;
    @Autowired
    EmbeddedSearchEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    eu.aiskills.academy.catalogue.Catalogue catalogue;
    @Autowired
    eu.aiskills.academy.compute.Allocations allocations;

    @TempDir
    Path content;

    @BeforeEach
    void catalogueIsIndexed() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(search.catalogue(SearchQuery.of("")).total()).isGreaterThanOrEqualTo(13));
    }

    @Test
    void findsCoursesAndLessonsWithHighlightedSnippets() {
        SearchResults results = search.catalogue(SearchQuery.of("gradient descent"));
        assertThat(results.hits()).isNotEmpty();
        SearchHit first = results.hits().getFirst();
        assertThat(first.type()).isEqualTo("lesson");
        assertThat(first.title()).isEqualTo("Tensors and gradients");
        assertThat(first.context()).isEqualTo("Deep learning on supercomputers");
        assertThat(first.path()).isEqualTo("courses/deep-learning-on-hpc/lessons/tensors-and-gradients");
        assertThat(first.snippetHtml()).contains("<mark>");
    }

    @Test
    void understandsEnglishWordFormsAndForgivesTypos() {
        assertThat(titles(search.catalogue(SearchQuery.of("evaluating prompts")))).contains("Prompting and evaluation");
        assertThat(titles(search.catalogue(SearchQuery.of("scikt-lern")))).contains("Practical machine learning with scikit-learn");
        assertThat(titles(search.catalogue(SearchQuery.of("gradeints")))).contains("Tensors and gradients");
    }

    @Test
    void understandsGermanAndFrenchWordForms() throws IOException {
        course("de-course", "PUBLISHED", "Rechnen mit Beschleunigern", "Wir trainieren große Sprachmodelle auf Rechenzentren.", "de");
        course("fr-course", "PUBLISHED", "Calcul sur accélérateurs", "Nous entraînons des réseaux neuronaux profonds.", "fr");
        importer().importAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(search.catalogue(SearchQuery.of("Sprachmodell"))).contains(
                "Rechnen mit Beschleunigern"));
        assertThat(titles(search.catalogue(SearchQuery.of("Beschleuniger")))).contains("Rechnen mit Beschleunigern");
        assertThat(titles(search.catalogue(SearchQuery.of("reseau neuronal")))).contains("Calcul sur accélérateurs");
        assertThat(titles(search.catalogue(SearchQuery.of("profond")))).contains("Calcul sur accélérateurs");
        SearchHit german = search.catalogue(SearchQuery.of("Sprachmodell")).hits().stream()
                .filter(h -> h.title().equals("Rechnen mit Beschleunigern")).findFirst().orElseThrow();
        assertThat(german.snippetHtml()).contains("<mark>Sprachmodelle</mark>");
    }

    @Test
    void countsFacetsAndFiltersByThemWithoutHidingTheOtherChoices() {
        SearchResults all = search.catalogue(new SearchQuery("", DEMO_LEVELS, SearchOrder.RELEVANCE, 0, 10));
        assertThat(all.facets().get("type")).contains(new FacetValue("lesson", 12), new FacetValue("course", 4));
        assertThat(all.facets().get("skills")).contains(new FacetValue("machine learning", 2));
        assertThat(all.facets().get("format")).extracting(FacetValue::value).contains("SELF_PACED", "COHORT", "BLENDED");
        assertThat(all.facets().get("mode")).extracting(FacetValue::value).contains("ONLINE", "HYBRID");

        SearchResults health = search.catalogue(new SearchQuery("", Map.of("sectors", Set.of("HEALTH"), "type", Set.of("course")),
                SearchOrder.TITLE, 0, 10));
        assertThat(titles(health)).containsExactly("Die KI-Verordnung in der Praxis", "Practical machine learning with scikit-learn");
        assertThat(all.facets().get("level")).extracting(FacetValue::value).contains("INTRODUCTORY", "INTERMEDIATE");

        SearchResults intermediate = search.catalogue(new SearchQuery("", Map.of("level", Set.of("INTERMEDIATE")),
                SearchOrder.TITLE, 0, 10));
        assertThat(intermediate.total()).isEqualTo(4);
        assertThat(intermediate.hits()).allMatch(h -> "INTERMEDIATE".equals(h.level()));
        assertThat(intermediate.facets().get("level")).extracting(FacetValue::value).contains("INTRODUCTORY");
        assertThat(intermediate.facets().get("type")).contains(new FacetValue("course", 1), new FacetValue("lesson", 3));
        assertThat(titles(intermediate)).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void pagesThroughResults() {
        SearchQuery firstPage = new SearchQuery("", DEMO_LEVELS, SearchOrder.TITLE, 0, 5);
        SearchResults one = search.catalogue(firstPage);
        SearchResults two = search.catalogue(firstPage.withPage(1));
        assertThat(one.hits()).hasSize(5);
        assertThat(one.pages()).isEqualTo(4);
        assertThat(titles(two)).doesNotContainAnyElementsOf(titles(one));
    }

    @Test
    void suggestsWhileTypingAndFindsRelatedCourses() {
        assertThat(search.suggest("Foun", 5)).extracting(Suggestion::text).contains("Foundations of Generative AI");
        assertThat(search.suggest("", 5)).isEmpty();
        assertThat(search.relatedCourses("ml-with-scikit-learn", 3)).extracting(SearchHit::type).containsOnly("course");
    }

    @Test
    void hostileQueriesAreHarmlessOrRefused() {
        SearchResults html = search.catalogue(SearchQuery.of("<script>alert(1)</script> \" OR 1=1 -- \\"));
        assertThat(html.hits()).allSatisfy(h -> assertThat(h.snippetHtml()).doesNotContain("<script"));
        assertThatThrownBy(() -> SearchQuery.of("x".repeat(SearchQuery.TEXT_MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("search.query.too-long"));
        assertThatThrownBy(() -> new SearchQuery("", Map.of("password", Set.of("x")), null, 0, 10))
                .isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> new SearchQuery("", Map.of(), null, 5000, 10)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void onlyPublishedCoursesAreFoundAndWithdrawnOnesDisappear() throws IOException {
        course("zebra-draft", "DRAFT", "Zebra draft course", "Zebrafish imaging with transformers.");
        course("zebra-live", "PUBLISHED", "Zebra live course", "Zebrafish imaging with transformers.");
        importer().importAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(search.catalogue(SearchQuery.of("zebrafish"))).contains("Zebra live course"));
        assertThat(titles(search.catalogue(SearchQuery.of("zebrafish")))).doesNotContain("Zebra draft course");

        course("zebra-live", "ARCHIVED", "Zebra live course", "Zebrafish imaging with transformers.");
        importer().importAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(SearchQuery.of("zebrafish")).total() == 0);
    }

    @Test
    void anEditedLessonIsFoundByItsNewWordsOnlyAndShownWithoutMarkup() throws IOException {
        course("marsupials", "PUBLISHED", "Marsupial vision", "Quokka **habitats** in [aerial photos](https://example.org/q).");
        importer().importAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> !lessonSnippets("quokka").isEmpty());

        course("marsupials", "PUBLISHED", "Marsupial vision", "Wombat **burrows** in [terrain maps](https://example.org/w).");
        importer().importAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> !lessonSnippets("wombat").isEmpty());
        assertThat(lessonSnippets("quokka")).isEmpty();
        assertThat(lessonSnippets("wombat")).containsExactly("<mark>Wombat</mark> burrows in terrain maps.");
    }

    /** The snippets of the lessons of course "marsupials" found for {@code words}. */
    private List<String> lessonSnippets(String words) {
        return search.catalogue(SearchQuery.of(words)).hits().stream()
                .filter(hit -> hit.path().startsWith("courses/marsupials/lessons/")).map(SearchHit::snippetHtml).toList();
    }

    @Test
    void aCourseWhoseRunWasGrantedGpuHoursIsFoundUnderThatAiFactory() throws Exception {
        new eu.aiskills.academy.testsupport.TestCourses(content, context).course("gpu-facet-course").level("ADVANCED").create();
        var run = catalogue.publishedCourse("gpu-facet-course").orElseThrow().runs().getFirst();
        Map<String, Set<String>> lumi = Map.of("factories", Set.of("LUMI AI Factory"));
        SearchQuery onLumi = new SearchQuery("", lumi, SearchOrder.RELEVANCE, 0, 50);
        assertThat(search.catalogue(onLumi).hits()).extracting(SearchHit::path).doesNotContain("courses/gpu-facet-course");

        eu.aiskills.academy.testsupport.KaribuSupport.as(context, "instructor@academy.test", () -> allocations.request(
                new eu.aiskills.academy.compute.AllocationRequest("lumi", "gpu-lab", "playground", run.id().value(),
                        new java.math.BigDecimal("20"), "Labs of the course's run", java.time.LocalDate.now(),
                        java.time.LocalDate.now().plusDays(60))));
        await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(onLumi).hits().stream()
                .anyMatch(hit -> hit.path().equals("courses/gpu-facet-course")));
        assertThat(search.catalogue(SearchQuery.of("")).facets().get("factories")).extracting(FacetValue::value).contains("LUMI AI Factory");
    }

    private IndexStatus catalogueStatus() {
        return SystemActor.call(administration::status).stream().filter(s -> s.name().equals("catalogue")).findFirst().orElseThrow();
    }

    @Test
    void aRebuildSwapsTheIndexWithoutLosingChangesMadeMeanwhile() throws IOException {
        IndexStatus before = catalogueStatus();
        long documentsBefore = search.catalogue(SearchQuery.of("")).total();
        course("during-rebuild", "PUBLISHED", "Written during a rebuild", "Okapi husbandry for machine learners.");
        AtomicBoolean changed = new AtomicBoolean();
        RebuildReport report = SystemActor.call(() -> administration.rebuild("catalogue", progress -> {
            if (changed.compareAndSet(false, true)) {
                importer().importAll();
                await().atMost(Duration.ofSeconds(30)).until(() -> search.catalogue(SearchQuery.of("okapi")).total() > 0);
            }
        }));
        IndexStatus after = catalogueStatus();
        assertThat(after.index()).isEqualTo(report.index()).isNotEqualTo(before.index());
        assertThat(after.rebuildProgress()).isNull();
        assertThat(titles(search.catalogue(SearchQuery.of("okapi")))).contains("Written during a rebuild");
        assertThat(search.catalogue(SearchQuery.of("")).total()).isGreaterThanOrEqualTo(documentsBefore + 2);
    }

    @Test
    void changesMadeWhileTheEngineIsDownAreIndexedWhenItIsBack() throws IOException {
        engine.stop();
        try {
            assertThatThrownBy(() -> search.catalogue(SearchQuery.of("anything"))).isInstanceOf(SearchUnavailableException.class);
            course("while-down", "PUBLISHED", "Written while search was down", "Quokka behaviour and reinforcement learning.");
            importer().importAll();
        } finally {
            engine.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(titles(search.catalogue(SearchQuery.of("quokka")))).contains("Written while search was down"));
    }

    @Test
    void facetsAndSortsByWhenTheNextRunStarts() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        new eu.aiskills.academy.testsupport.TestCourses(content, context).course("starts-soon").level("ADVANCED")
                .enrolmentWindow(now.minusDays(1), now.plusDays(5)).create();
        Map<String, Set<String>> soon = Map.of("starts", Set.of("within-month"), "type", Set.of("course"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(titles(search.catalogue(new SearchQuery("", soon, SearchOrder.STARTING, 0, 10))))
                        .contains("Course starts-soon"));
        SearchResults starting = search.catalogue(new SearchQuery("", Map.of("type", Set.of("course")), SearchOrder.STARTING, 0, 50));
        assertThat(starting.facets().get("starts")).extracting(FacetValue::value).contains("within-month");
        assertThat(titles(starting).indexOf("Course starts-soon")).as("soonest start first among what starts")
                .isLessThan(titles(starting).size() - 1);
        assertThatThrownBy(() -> new SearchQuery("", Map.of("starts", Set.of("someday")), null, 0, 10))
                .isInstanceOf(UserFacingException.class);
    }

    private CourseContentImport importer() {
        return CourseImports.from(content, context);
    }

    /** A course folder whose summary and only lesson both carry the lesson text's words. */
    private void course(String slug, String status, String title, String lesson) throws IOException {
        course(slug, status, title, lesson, "en");
    }

    private void course(String slug, String status, String title, String lesson, String language) throws IOException {
        Path folder = Files.createDirectories(content.resolve(slug));
        Files.writeString(folder.resolve("course.yaml"), """
                slug: %s
                title: %s
                summary: %s
                level: ADVANCED
                language: %s
                workloadHours: 3
                outcomes: [Explain what the course covers]
                status: %s
                lessons:
                  - {file: 01-only.md, title: Only lesson of %s, minutes: 10}
                """.formatted(slug, title, lesson, language, status, title));
        Files.writeString(folder.resolve("01-only.md"), lesson);
    }

    private static List<String> titles(SearchResults results) {
        return results.hits().stream().map(SearchHit::title).toList();
    }
}
