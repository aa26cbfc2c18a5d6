package eu.aiskills.academy.talent;

import java.util.Locale;

/** Where a posting stands: drafted, open to applications, closed early or at its date, or filled. */
public enum PostingStatus {
    DRAFT, PUBLISHED, CLOSED, FILLED;

    public String messageKey() {
        return "posting.status." + name().toLowerCase(Locale.ROOT);
    }
}
