package eu.aiskills.academy.catalogue;

import java.util.Locale;

/** Where a run's sessions take place. */
public enum DeliveryMode {
    ONLINE,
    ON_SITE,
    HYBRID;

    public String messageKey() {
        return "run.mode." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
