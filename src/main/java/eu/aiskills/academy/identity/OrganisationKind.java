package eu.aiskills.academy.identity;

/** The kinds of organisation the Academy works with. */
public enum OrganisationKind {
    EMPLOYER,
    HOST_INSTITUTION,
    UNIVERSITY,
    AI_FACTORY;

    public String messageKey() {
        return "organisation.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
