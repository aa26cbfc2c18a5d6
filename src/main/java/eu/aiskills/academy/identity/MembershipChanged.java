package eu.aiskills.academy.identity;

/** Someone joined or left an organisation, or their standing in it changed. */
public record MembershipChanged(OrganisationId organisationId, AccountId accountId, MembershipRole role, boolean active) {
}
