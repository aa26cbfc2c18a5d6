package eu.aiskills.academy.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CatalogueProperties;
import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Course folders are imported once, updated when they change, and refused with a precise reason when wrong. */
@AcademyTest
class CourseContentImportTest {

    @Autowired
    Courses courses;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Catalogue catalogue;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @TempDir
    Path content;

    private CourseContentImport importer() {
        return CourseImports.from(content, context);
    }

    @Test
    void importsOnceAndFollowsChanges() throws IOException {
        Path folder = course("import-test", """
                slug: import-test
                title: Import test
                summary: A course to test the import.
                level: INTRODUCTORY
                language: en
                workloadHours: 2
                outcomes: [Explain what the course covers]
                lessons:
                  - {file: 01-first.md, title: First, minutes: 10}
                """);
        Files.writeString(folder.resolve("01-first.md"), "# First\n\nHello <script>alert(1)</script>");
        assertThat(importer().importAll()).isEqualTo(1);
        assertThat(importer().importAll()).isZero();
        assertThat(catalogue.publishedLesson("import-test", "first").orElseThrow().html())
                .contains("<h1>First</h1>").doesNotContain("<script");

        Files.writeString(folder.resolve("01-first.md"), "# First, revised");
        assertThat(importer().importAll()).isEqualTo(1);
        assertThat(catalogue.publishedLesson("import-test", "first").orElseThrow().html()).contains("First, revised");
    }

    @Test
    void refusesInvalidFilesNamingWhatIsWrong() throws IOException {
        course("broken", """
                slug: Not A Slug
                title: ""
                summary: Fine.
                level: INTRODUCTORY
                language: english
                workloadHours: 0
                lessons:
                  - {file: ../../etc/passwd, title: Sneaky}
                """);
        assertThatThrownBy(() -> importer().importAll())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("slug must be lower-case words")
                .hasMessageContaining("title is required")
                .hasMessageContaining("language must be a two-letter")
                .hasMessageContaining("workloadHours must be between 1 and 2000")
                .hasMessageContaining("must be a plain .md file name");
    }

    @Test
    void refusesUnknownFields() throws IOException {
        course("typo", """
                slug: typo
                title: Typo
                summary: A typo in a field name.
                levle: INTRODUCTORY
                language: en
                workloadHours: 1
                outcomes: [Explain what the course covers]
                lessons: []
                """);
        assertThatThrownBy(() -> importer().importAll()).hasMessageContaining("levle");
    }

    @Test
    void lessonAddressesComeFromFileNames() {
        assertThat(CourseContentImport.lessonSlug("01-what-is-generative-ai.md")).isEqualTo("what-is-generative-ai");
        assertThat(CourseContentImport.lessonSlug("10_Tensors And Gradients.md")).isEqualTo("tensors-and-gradients");
    }

    private Path course(String name, String yaml) throws IOException {
        Path folder = Files.createDirectories(content.resolve(name));
        Files.writeString(folder.resolve("course.yaml"), yaml);
        return folder;
    }

    @Autowired
    eu.aiskills.academy.catalogue.ContentReimport reimport;

    @Test
    void administratorsReimportTheShippedContentAndNothingChanges() {
        eu.aiskills.academy.testsupport.KaribuSupport.signIn(context, "student@academy.test");
        try {
            assertThatThrownBy(() -> reimport.reimport())
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            eu.aiskills.academy.testsupport.KaribuSupport.signIn(context, "admin@academy.test");
            assertThat(reimport.reimport()).isEqualTo(new eu.aiskills.academy.catalogue.ContentReimport.Report(0, 0, 0));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
