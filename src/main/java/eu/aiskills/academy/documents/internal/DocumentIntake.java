package eu.aiskills.academy.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentKind;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.DocumentsProperties;
import eu.aiskills.academy.shared.MessageRef;
import eu.aiskills.academy.shared.Notebook;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps a file goes through on its way in: a private incoming file, detection of what it
 * really is, text extraction (which also proves it can be read), then the store.
 */
@Component
public class DocumentIntake {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);

    /** What inspection found. */
    public record Inspected(DocumentKind kind, String mediaType, TextExtraction.Result text) {
    }

    private final LocalFileStore files;
    private final ContentInspection inspection;
    private final TextExtraction extraction;
    private final DocumentsProperties properties;

    DocumentIntake(LocalFileStore files, ContentInspection inspection, TextExtraction extraction,
                   DocumentsProperties properties) {
        this.files = files;
        this.inspection = inspection;
        this.extraction = extraction;
        this.properties = properties;
    }

    public Path incomingFile(DocumentId id) {
        try {
            return files.incoming().resolve(id + ".part");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Detects the kind by content, checks it against the purpose and extracts the text; rejects with reasons. */
    public Inspected inspect(Path file, String fileName, DocumentPurpose purpose) throws IOException {
        String mediaType = inspection.detect(file, fileName);
        if (ContentInspection.PROTECTED_OFFICE.equals(mediaType)) {
            throw UserFacingException.onField("file", "documents.unreadable.encrypted");
        }
        DocumentKind kind = DocumentKind.of(mediaType)
                .filter(purpose::accepts)
                .orElseThrow(() -> UserFacingException.onField("file", "documents.kind-not-accepted",
                        DocumentKind.of(mediaType).<Object>map(k -> MessageRef.of(k.messageKey()))
                                .orElseGet(() -> inspection.describe(mediaType)),
                        MessageRef.of(purpose.messageKey()),
                        purpose.acceptedKinds()));
        TextExtraction.Result text = kind == DocumentKind.NOTEBOOK
                ? readNotebook(file)
                : extraction.extract(file, fileName);
        if (text.failed()) {
            throw UserFacingException.onField("file", "documents.unreadable." + text.failure().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Inspected(kind, mediaType, text);
    }

    private TextExtraction.Result readNotebook(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Notebook.Text read = Notebook.text(in, properties.maxExtractedChars());
            return new TextExtraction.Result(read.text(), read.truncated(), null, null, null, null);
        } catch (IOException | RuntimeException e) {
            log.info("Notebook could not be read: {}", e.getMessage());
            return new TextExtraction.Result("", false, null, null, null, TextExtraction.Failure.CORRUPT);
        }
    }

    public void keep(DocumentId id, Path incoming) throws IOException {
        files.put(id.value().toString(), incoming);
    }

    public InputStream open(String key) throws IOException {
        return files.open(key);
    }

    public void discard(DocumentId id) {
        try {
            files.delete(id.value().toString());
        } catch (IOException e) {
            log.warn("Stored file of document {} could not be removed: {}", id, e.getMessage());
        }
    }

    public void cleanUp(Path incoming) {
        try {
            Files.deleteIfExists(incoming);
        } catch (IOException e) {
            log.warn("Incoming file {} could not be removed: {}", incoming, e.getMessage());
        }
    }
}
