package eu.aiskills.academy.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentKind;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.documents.TestFiles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Notebook;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Lesson materials: attached by the course's authors, offered to learners once the course is published. */
@AcademyTest
class LessonMaterialsTest {

    @Autowired
    CourseAuthoring authoring;
    @Autowired
    CourseReviews reviews;
    @Autowired
    CourseMaterials materials;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Documents documents;
    @Autowired
    eu.aiskills.academy.search.Search search;
    @Autowired
    ApplicationContext context;

    @Test
    void notebooksAndSlidesAreAttachedAndShownOnlyOncePublished() throws Exception {
        KaribuSupport.signIn(context, "instructor@academy.test");
        CourseId id = authoring.create(new CourseDraft("Notebook course", "With a notebook.", null, CourseLevel.INTRODUCTORY,
                CourseFormat.SELF_PACED, "en", Set.of(), 2, BigDecimal.ONE, List.of("Read a notebook"), Set.of(), Set.of(),
                Set.of(), Set.of()));
        UUID lesson = authoring.saveLesson(id, null, new LessonDraft("Gradients", null, 20, true, "See the notebook.", LessonCompletion.DONE, null, 1));
        StoredDocument notebookFile = documents.store(DocumentPurpose.COURSE_MATERIAL, "gradients.ipynb",
                new ByteArrayInputStream(TestFiles.notebook("# Gradients <script>alert(1)</script>", "print(2 * 3)", "6")));
        StoredDocument slides = documents.store(DocumentPurpose.COURSE_MATERIAL, "slides.pdf",
                new ByteArrayInputStream(TestFiles.pdf("Backpropagation explained on slides", "Slides")));
        LessonMaterial notebook = authoring.attachMaterial(id, lesson, notebookFile.id());
        authoring.attachMaterial(id, lesson, slides.id());
        assertThat(notebook.kind()).isEqualTo(DocumentKind.NOTEBOOK);
        assertThat(authoring.materials(id).get(lesson)).extracting(LessonMaterial::title)
                .containsExactly("gradients.ipynb", "slides.pdf");

        StoredDocument cv = documents.store(DocumentPurpose.CV, "cv.pdf", new ByteArrayInputStream(TestFiles.pdf("CV", "CV")));
        assertThatThrownBy(() -> authoring.attachMaterial(id, lesson, cv.id()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("authoring.material.not-course-material"));

        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> materials.notebook(notebook.id())).as("a draft's material is not public")
                .isInstanceOf(NotFoundException.class);

        KaribuSupport.signIn(context, "instructor@academy.test");
        reviews.submitForReview(id);
        KaribuSupport.signIn(context, "admin@academy.test");
        reviews.publish(id);
        SecurityContextHolder.clearContext();

        LessonContent content = catalogue.publishedLesson("notebook-course", "gradients").orElseThrow();
        assertThat(content.materials()).extracting(LessonMaterial::kind).containsExactly(DocumentKind.NOTEBOOK, DocumentKind.PDF);
        Notebook read = materials.notebook(notebook.id());
        assertThat(read.cells()).extracting(Notebook.Cell::type).containsExactly(Notebook.CellType.MARKDOWN, Notebook.CellType.CODE);
        assertThat(read.cells().get(1).source()).isEqualTo("print(2 * 3)");
        assertThat(read.cells().get(1).outputs()).extracting(Notebook.Output::text).containsExactly("6\n");
        assertThat(materials.materialDownload(notebook.id()).fileName()).isEqualTo("gradients.ipynb");
        try (InputStream in = materials.openMaterial(content.materials().get(1).id())) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        assertThatThrownBy(() -> materials.notebook(content.materials().get(1).id())).isInstanceOf(NotFoundException.class);

        // The slides' text is searchable: the lesson is found by a word that only the PDF contains.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(search.catalogue(eu.aiskills.academy.search.SearchQuery.of("backpropagation")).hits())
                        .anySatisfy(hit -> assertThat(hit.title()).isEqualTo("Gradients")));
    }
}
