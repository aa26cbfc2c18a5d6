package eu.aiskills.academy.identity;

import java.time.Instant;

/** A person's membership of an organisation. */
public record Membership(
        OrganisationId organisationId,
        String organisationName,
        OrganisationKind organisationKind,
        AccountId accountId,
        String accountDisplayName,
        String accountEmail,
        MembershipRole role,
        Instant since) {
}
