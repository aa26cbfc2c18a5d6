package eu.aiskills.academy.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import eu.aiskills.academy.documents.internal.DocumentIntake;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Uploads of real files, built here: every accepted kind is read, every hostile one is refused
 * with its reason, nothing of a refused file stays behind and the application keeps working.
 */
@AcademyTest
class DocumentsTest {

    @Autowired
    Documents documents;
    @Autowired
    DocumentIntake intake;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path workDir;

    @Test
    void readsTheTextOfEveryAcceptedKind() throws Exception {
        KaribuSupport.signIn(context, "instructor@academy.test");

        StoredDocument word = upload(DocumentPurpose.COURSE_MATERIAL, "syllabus.docx",
                TestFiles.docx("Transformers for multilingual retrieval", "Syllabus"));
        assertThat(word.kind()).isEqualTo(DocumentKind.WORD);
        assertThat(word.title()).isEqualTo("Syllabus");
        assertThat(word.author()).isEqualTo("Test Author");
        assertThat(documents.text(word.id())).contains("Transformers for multilingual retrieval");

        StoredDocument slides = upload(DocumentPurpose.COURSE_MATERIAL, "slides.pptx", TestFiles.pptx("Attention is a weighted sum"));
        assertThat(slides.kind()).isEqualTo(DocumentKind.POWERPOINT);
        assertThat(documents.text(slides.id())).contains("Attention is a weighted sum");

        byte[] pdfBytes = TestFiles.pdf("Gradient descent on GPU partitions", "Lecture 3");
        StoredDocument pdf = upload(DocumentPurpose.COURSE_MATERIAL, "lecture.pdf", pdfBytes);
        assertThat(pdf.kind()).isEqualTo(DocumentKind.PDF);
        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.sizeBytes()).isEqualTo(pdfBytes.length);
        assertThat(pdf.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdfBytes)));
        try (InputStream stored = documents.open(pdf.id())) {
            assertThat(stored.readAllBytes()).isEqualTo(pdfBytes);
        }

        StoredDocument odt = upload(DocumentPurpose.COURSE_MATERIAL, "notes.odt", TestFiles.odt("Federated learning across AI Factories"));
        assertThat(odt.kind()).isEqualTo(DocumentKind.OPENDOCUMENT_TEXT);
        assertThat(documents.text(odt.id())).contains("Federated learning across AI Factories");

        StoredDocument html = upload(DocumentPurpose.COURSE_MATERIAL, "page.html", """
                <!DOCTYPE html><html><head><title>Reading list</title>
                <script>document.write('script-ran')</script></head>
                <body onload="alert('x')"><h1>Reading list</h1><p>Vision transformers</p></body></html>"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(html.kind()).isEqualTo(DocumentKind.HTML);
        assertThat(documents.text(html.id())).contains("Vision transformers").doesNotContain("script-ran");

        StoredDocument markdown = upload(DocumentPurpose.COURSE_MATERIAL, "README.md",
                "# Lab guide\n\nRun the *tokenizer* cell first.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(markdown.kind()).isEqualTo(DocumentKind.MARKDOWN);
        assertThat(documents.text(markdown.id())).contains("Run the").contains("tokenizer");

        StoredDocument notebook = upload(DocumentPurpose.COURSE_MATERIAL, "lab.ipynb",
                TestFiles.notebook("## Fine-tuning a small model", "print(sum(range(4)))", "6"));
        assertThat(notebook.kind()).isEqualTo(DocumentKind.NOTEBOOK);
        assertThat(documents.text(notebook.id())).contains("Fine-tuning a small model").contains("print(sum(range(4)))").contains("6");

        assertThat(documents.mine()).extracting(StoredDocument::id)
                .contains(word.id(), slides.id(), pdf.id(), odt.id(), html.id(), markdown.id(), notebook.id());
        assertNothingLeftIncoming();
    }

    @Test
    void detectsByContentNotByName() throws Exception {
        KaribuSupport.signIn(context, "student@academy.test");

        StoredDocument renamed = upload(DocumentPurpose.CV, "cv.txt", TestFiles.pdf("Machine learning engineer", "CV"));
        assertThat(renamed.kind()).isEqualTo(DocumentKind.PDF);

        assertRejected(DocumentPurpose.CV, "cv.pdf", TestFiles.windowsProgram(), "documents.kind-not-accepted");
        assertRejected(DocumentPurpose.CV, "cv.docx", TestFiles.macroEnabledWord(), "documents.kind-not-accepted");
        assertRejected(DocumentPurpose.CV, "cv.ipynb", TestFiles.notebook("CV", "1", "1"), "documents.kind-not-accepted");
        assertRejected(DocumentPurpose.CV, "cv.pdf", new byte[0], "documents.empty");
    }

    @Test
    void rejectionsSayWhatIsAccepted() {
        KaribuSupport.signIn(context, "student@academy.test");

        UserFacingException rejection = rejection(DocumentPurpose.CV, "cv.exe", TestFiles.windowsProgram());
        assertThat(rejection.field()).isEqualTo("file");
        assertThat(rejection.messageKey()).isEqualTo("documents.kind-not-accepted");
        assertThat(rejection.arguments()[2]).isEqualTo(DocumentPurpose.CV.acceptedKinds());
        assertThat(translated(rejection)).contains("PDF").contains("Word (.docx)").doesNotContain("{");

        UserFacingException oldWord = rejection(DocumentPurpose.CV, "cv.doc", TestFiles.notebook("x", "1", "1"));
        assertThat(translated(oldWord)).startsWith("This file contains “Jupyter notebook (.ipynb)”, a kind not accepted as CV.");
    }

    @Test
    void refusesHostileFilesAndKeepsWorking() throws Exception {
        KaribuSupport.signIn(context, "student@academy.test");

        assertRejected(DocumentPurpose.CV, "cv.pdf", TestFiles.encryptedPdf("Secret CV"), "documents.unreadable.encrypted");
        assertRejected(DocumentPurpose.CV, "cv.docx", TestFiles.encryptedDocx(workDir, "Secret CV"), "documents.unreadable.encrypted");
        assertRejected(DocumentPurpose.APPLICATION_ATTACHMENT, "bomb.docx", TestFiles.zipBombDocx(), "documents.unreadable.too_complex");
        assertRejected(DocumentPurpose.APPLICATION_ATTACHMENT, "laughs.docx", TestFiles.entityBombDocx(),
                "documents.unreadable.too_complex", "documents.unreadable.corrupt");
        assertRejected(DocumentPurpose.CV, "broken.pdf",
                ("%PDF-1.7\n" + "garbage ".repeat(500)).getBytes(StandardCharsets.US_ASCII), "documents.unreadable.corrupt");

        KaribuSupport.signIn(context, "instructor@academy.test");
        StoredDocument deep = upload(DocumentPurpose.COURSE_MATERIAL, "deep.html", TestFiles.deeplyNestedHtml(100_000));
        assertThat(documents.text(deep.id())).contains("deep").hasSizeLessThan(10_000);

        StoredDocument afterwards = upload(DocumentPurpose.CV, "cv.docx", TestFiles.docx("Still reading files", "CV"));
        assertThat(documents.text(afterwards.id())).contains("Still reading files");
        assertNothingLeftIncoming();
    }

    @Test
    void refusesOversizedUploadsWithoutReadingThemWhole() {
        KaribuSupport.signIn(context, "student@academy.test");
        long gigabyte = 1024L * 1024 * 1024;
        long heapBefore = usedHeap();

        assertThatThrownBy(() -> documents.store(DocumentPurpose.CV, "huge.pdf", TestFiles.huge(gigabyte)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("documents.too-large");
                    assertThat(e.arguments()).containsExactly(10L);
                });
        assertThat(usedHeap() - heapBefore).isLessThan(DocumentPurpose.CV.maxBytes());
        assertNothingLeftIncoming();
    }

    @Test
    void capsTheExtractedText() {
        KaribuSupport.signIn(context, "student@academy.test");
        String line = "Reinforcement learning from human feedback. ";
        byte[] longText = line.repeat(1_200_000 / line.length() + 1).getBytes(StandardCharsets.UTF_8);

        StoredDocument stored = upload(DocumentPurpose.APPLICATION_ATTACHMENT, "essay.txt", longText);

        assertThat(stored.textTruncated()).isTrue();
        assertThat(stored.textLength()).isEqualTo(1_000_000);
        assertThat(documents.text(stored.id())).hasSize(1_000_000);
    }

    @Test
    void onlyTheOwnerAnAdministratorOrThePlatformSeeAFile() throws Exception {
        assertThatThrownBy(() -> documents.store(DocumentPurpose.CV, "cv.pdf", new ByteArrayInputStream(TestFiles.pdf("x", "x"))))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> documents.store(DocumentPurpose.COURSE_MATERIAL, "notes.pdf",
                new ByteArrayInputStream(TestFiles.pdf("Notes", "Notes")))).isInstanceOf(AccessDeniedException.class);
        StoredDocument cv = upload(DocumentPurpose.CV, "cv.pdf", TestFiles.pdf("Private CV of the student", "CV"));

        KaribuSupport.signIn(context, "employer@academy.test");
        assertThatThrownBy(() -> documents.text(cv.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.open(cv.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.get(cv.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.delete(cv.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(documents.mine()).extracting(StoredDocument::id).doesNotContain(cv.id());

        KaribuSupport.signIn(context, "admin@academy.test");
        assertThat(documents.text(cv.id())).contains("Private CV of the student");

        KaribuSupport.signIn(context, "student@academy.test");
        documents.delete(cv.id());
        assertThatThrownBy(() -> documents.get(cv.id())).isInstanceOf(NotFoundException.class);
        assertThat(documents.mine()).extracting(StoredDocument::id).doesNotContain(cv.id());
    }

    @Test
    void keepsOnlyTheFileNameItself() {
        assertThat(Documents.cleanFileName("C:\\Users\\ana\\My CV.pdf")).isEqualTo("My CV.pdf");
        assertThat(Documents.cleanFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Documents.cleanFileName(".hidden.md")).isEqualTo("hidden.md");
        assertThat(Documents.cleanFileName("<script>x</script>.html")).isEqualTo("script_.html");
        assertThat(Documents.cleanFileName("a\u0000b\nc.txt")).isEqualTo("a_b_c.txt");
        assertThat(Documents.cleanFileName("   ")).isEqualTo("document");
        assertThat(Documents.cleanFileName(null)).isEqualTo("document");
        String longName = "n".repeat(300) + ".pdf";
        assertThat(Documents.cleanFileName(longName)).hasSize(Documents.FILE_NAME_MAX_LENGTH).endsWith(".pdf");
    }

    private StoredDocument upload(DocumentPurpose purpose, String name, byte[] content) {
        return documents.store(purpose, name, new ByteArrayInputStream(content));
    }

    private UserFacingException rejection(DocumentPurpose purpose, String name, byte[] content) {
        try {
            upload(purpose, name, content);
        } catch (UserFacingException e) {
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    private void assertRejected(DocumentPurpose purpose, String name, byte[] content, String... expectedKeys) {
        int before = documents.mine().size();
        UserFacingException rejection = rejection(purpose, name, content);
        assertThat(rejection.messageKey()).as(name).isIn((Object[]) expectedKeys);
        assertThat(documents.mine()).as("nothing of %s is kept", name).hasSize(before);
        assertNothingLeftIncoming();
    }

    private String translated(UserFacingException e) {
        return eu.aiskills.academy.shared.Translations.get(java.util.Locale.ENGLISH, e.messageKey(), e.arguments());
    }

    private void assertNothingLeftIncoming() {
        Path incoming = intake.incomingFile(DocumentId.random()).getParent();
        try (Stream<Path> left = Files.list(incoming)) {
            assertThat(left.toList()).as("files left in %s", incoming).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
