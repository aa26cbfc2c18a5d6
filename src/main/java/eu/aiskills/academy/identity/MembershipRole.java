package eu.aiskills.academy.identity;

/** A person's standing inside an organisation. */
public enum MembershipRole {
    /** Acts for the organisation (posts roles, publishes offers, operates a factory). */
    MEMBER,
    /** Also manages the organisation's members. */
    MANAGER;

    public String messageKey() {
        return "membership.role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
