package eu.aiskills.academy.documents.internal;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

import java.time.Instant;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentKind;
import eu.aiskills.academy.documents.DocumentPurpose;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.AccountId;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "stored_document")
public class DocumentEntity {

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DocumentPurpose purpose;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DocumentKind kind;

    @Column(name = "media_type", nullable = false, length = 127)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "extracted_text", nullable = false, length = LONG_TEXT)
    private String extractedText;

    @Column(name = "text_length", nullable = false)
    private int textLength;

    @Column(name = "text_truncated", nullable = false)
    private boolean textTruncated;

    @Column(length = 300)
    private String title;

    @Column(length = 200)
    private String author;

    private Integer pages;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected DocumentEntity() {
    }

    public DocumentEntity(DocumentId id, AccountId owner, DocumentPurpose purpose, String fileName, DocumentKind kind,
                          String mediaType, long sizeBytes, String sha256, String text, boolean truncated, String title,
                          String author, Integer pages, Instant createdAt) {
        this.id = id.value();
        this.ownerId = owner.value();
        this.purpose = purpose;
        this.fileName = fileName;
        this.kind = kind;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.extractedText = text;
        this.textLength = text.length();
        this.textTruncated = truncated;
        this.title = clip(title, 300);
        this.author = clip(author, 200);
        this.pages = pages;
        this.createdAt = createdAt;
    }

    public AccountId owner() {
        return new AccountId(ownerId);
    }

    public String storageKey() {
        return id.toString();
    }

    public String extractedText() {
        return extractedText;
    }

    public StoredDocument toSummary() {
        return new StoredDocument(new DocumentId(id), owner(), purpose, fileName, kind, mediaType, sizeBytes, sha256,
                createdAt, textLength, textTruncated, title, author, pages);
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
