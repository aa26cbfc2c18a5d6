package eu.aiskills.academy.documents;

import java.time.Instant;

import eu.aiskills.academy.identity.AccountId;

/**
 * A stored file as other modules and views see it.
 *
 * @param textTruncated true when the extracted text was cut at the configured limit
 */
public record StoredDocument(
        DocumentId id,
        AccountId owner,
        DocumentPurpose purpose,
        String fileName,
        DocumentKind kind,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant createdAt,
        int textLength,
        boolean textTruncated,
        String title,
        String author,
        Integer pages) {
}
