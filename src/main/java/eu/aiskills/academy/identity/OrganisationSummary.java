package eu.aiskills.academy.identity;

/** An organisation as other modules and views see it. */
public record OrganisationSummary(
        OrganisationId id,
        String name,
        OrganisationKind kind,
        String country,
        String website,
        long memberCount) {
}
