package eu.aiskills.academy.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import eu.aiskills.academy.documents.internal.DocumentEntity;
import eu.aiskills.academy.documents.internal.DocumentIntake;
import eu.aiskills.academy.documents.internal.StoredDocuments;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting, keeping and handing out files. A file is accepted only when its content is of a
 * kind its purpose allows, it is within the purpose's size, and its text can be read; otherwise
 * the rejection says why and what is accepted, and nothing of it is kept.
 */
@Service
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    /** Longest file name kept (the rest of a longer one is cut, keeping its extension). */
    public static final int FILE_NAME_MAX_LENGTH = 200;

    private final DocumentIntake intake;
    private final StoredDocuments documents;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<DocumentUse> uses;

    Documents(DocumentIntake intake, StoredDocuments documents, ApplicationEventPublisher events,
              TransactionTemplate transactions, Clock clock, List<DocumentUse> uses) {
        this.uses = uses;
        this.intake = intake;
        this.documents = documents;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reads {@code content} (at most the purpose's size, never whole into memory), checks it and
     * stores it for the signed-in person. Course material may be uploaded by instructors and
     * administrators only.
     */
    @SignedIn
    public StoredDocument store(DocumentPurpose purpose, String fileName, InputStream content) {
        AccountId owner = CurrentUser.requireId();
        if (purpose == DocumentPurpose.COURSE_MATERIAL
                && !(CurrentUser.hasRole(Roles.INSTRUCTOR) || CurrentUser.hasRole(Roles.ADMIN))) {
            throw new AccessDeniedException("Only instructors upload course material");
        }
        String name = cleanFileName(fileName);
        DocumentId id = DocumentId.random();
        Path incoming = intake.incomingFile(id);
        try {
            String sha256 = copyWithin(content, incoming, purpose.maxBytes());
            long size = Files.size(incoming);
            if (size == 0) {
                throw UserFacingException.onField("file", "documents.empty");
            }
            DocumentIntake.Inspected inspected = intake.inspect(incoming, name, purpose);
            DocumentEntity entity = new DocumentEntity(id, owner, purpose, name, inspected.kind(), inspected.mediaType(),
                    size, sha256, inspected.text().text(), inspected.text().truncated(), inspected.text().title(),
                    inspected.text().author(), inspected.text().pages(), clock.instant());
            intake.keep(id, incoming);
            try {
                transactions.executeWithoutResult(status -> {
                    documents.save(entity);
                    events.publishEvent(new DocumentStored(id, owner, purpose));
                });
            } catch (RuntimeException e) {
                intake.discard(id);
                throw e;
            }
            log.info("Document {} ({}, {} bytes, {}) stored for {}", id, inspected.kind(), size, purpose, owner);
            return entity.toSummary();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload of " + owner, e);
        } finally {
            intake.cleanUp(incoming);
        }
    }

    /** The signed-in person's files, newest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<StoredDocument> mine() {
        return documents.findByOwner(CurrentUser.requireId().value()).stream().map(DocumentEntity::toSummary).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public StoredDocument get(DocumentId id) {
        return load(id).toSummary();
    }

    /** The text extracted from a file: its owner, administrators and the platform may read it. */
    @PermitAll
    @Transactional(readOnly = true)
    public String text(DocumentId id) {
        return load(id).extractedText();
    }

    /** The file's bytes; the caller closes the stream. */
    @PermitAll
    public InputStream open(DocumentId id) {
        DocumentEntity entity = transactions.execute(status -> load(id));
        try {
            return intake.open(entity.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Stored file of document " + id + " cannot be read", e);
        }
    }

    /** Deletes a document; refused while a module keeps it ({@link DocumentUse}: work handed in). */
    @SignedIn
    public void delete(DocumentId id) {
        DocumentEntity entity = transactions.execute(status -> {
            DocumentEntity found = load(id);
            for (DocumentUse use : uses) {
                if (use.keeps(id)) {
                    throw new UserFacingException(use.messageKey(), found.toSummary().fileName());
                }
            }
            documents.delete(found);
            events.publishEvent(new DocumentDeleted(id, found.owner()));
            return found;
        });
        intake.discard(id);
        log.info("Document {} of {} deleted by {}", id, entity.owner(), CurrentUser.requireId());
    }

    /** Loads a document the caller may see: its owner, an administrator or the platform. */
    private DocumentEntity load(DocumentId id) {
        DocumentEntity entity = documents.findById(id.value())
                .orElseThrow(() -> new NotFoundException("documents.not-found"));
        CurrentUser.requireSelfOr(entity.owner(), Roles.ADMIN, Roles.SYSTEM);
        return entity;
    }

    /** The file's own name without any path, control characters or markup, at most {@link #FILE_NAME_MAX_LENGTH}. */
    static String cleanFileName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "_")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            name = "document";
        }
        if (name.length() > FILE_NAME_MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, FILE_NAME_MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    /** Copies at most {@code limit} bytes, refusing as soon as there are more; returns the SHA-256. */
    private static String copyWithin(InputStream content, Path target, long limit) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw UserFacingException.onField("file", "documents.too-large", limit / (1024 * 1024));
                }
                out.write(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
