package eu.aiskills.academy.talent;

import java.util.UUID;

import eu.aiskills.academy.identity.OrganisationId;

/** A candidate applied: the employer's team hears of it. */
public record ApplicationSubmitted(UUID application, UUID posting, OrganisationId organisation, String postingTitle) {
}
