package eu.aiskills.academy.fellowships;

/** A call is prepared as a draft, then published (open between its dates, then closed for review). */
public enum CallStatus {
    DRAFT, PUBLISHED;

    public String messageKey() {
        return "fellowship.call-status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
