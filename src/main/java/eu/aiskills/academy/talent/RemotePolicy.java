package eu.aiskills.academy.talent;

import java.util.Locale;

/** Where the work is done. */
public enum RemotePolicy {
    ON_SITE, HYBRID, REMOTE;

    public String messageKey() {
        return "posting.remote." + name().toLowerCase(Locale.ROOT);
    }
}
