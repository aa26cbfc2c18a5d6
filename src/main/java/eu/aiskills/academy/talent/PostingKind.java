package eu.aiskills.academy.talent;

import java.util.Locale;

/** The kinds of opportunity employers post. */
public enum PostingKind {
    JOB, INTERNSHIP, APPRENTICESHIP, RETURNSHIP, SCHOLARSHIP;

    public String messageKey() {
        return "posting.kind." + name().toLowerCase(Locale.ROOT);
    }
}
