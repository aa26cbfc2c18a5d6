package eu.aiskills.academy.talent;

import java.time.Instant;
import java.util.UUID;

/** A posting and where it stands. */
public record Posting(UUID id, String organisationName, PostingDraft draft, PostingStatus status, int revision, Instant createdAt,
                      Instant updatedAt, Instant publishedAt, Instant closedAt) {
}
