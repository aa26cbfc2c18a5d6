package eu.aiskills.academy.documents;

/**
 * A module that holds on to people's files (an assignment's submission keeps what was handed in):
 * while one says a document is kept, its owner cannot delete it (erasure of the account still
 * does). Implementations are Spring beans.
 */
public interface DocumentUse {

    /** Whether this module keeps the document; {@code messageKey()} then says why, to its owner. */
    boolean keeps(DocumentId document);

    /** Why a kept document cannot be deleted, as a message key. */
    String messageKey();
}
