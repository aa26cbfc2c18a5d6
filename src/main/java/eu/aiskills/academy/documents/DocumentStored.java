package eu.aiskills.academy.documents;

import eu.aiskills.academy.identity.AccountId;

/** A file was accepted, stored and its text extracted. */
public record DocumentStored(DocumentId documentId, AccountId owner, DocumentPurpose purpose) {
}
