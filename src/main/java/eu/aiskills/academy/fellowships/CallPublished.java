package eu.aiskills.academy.fellowships;

import java.util.UUID;

/** A call was published, or a published call changed before it opened: the search index reads it again. */
public record CallPublished(UUID call) {
}
