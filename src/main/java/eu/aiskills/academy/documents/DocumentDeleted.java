package eu.aiskills.academy.documents;

import eu.aiskills.academy.identity.AccountId;

/** A stored file was deleted; whatever referred to it should let go. */
public record DocumentDeleted(DocumentId documentId, AccountId owner) {
}
