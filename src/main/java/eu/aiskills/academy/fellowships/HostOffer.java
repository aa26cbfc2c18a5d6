package eu.aiskills.academy.fellowships;

import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.identity.OrganisationId;

/** A host entity's placement offer in a call: topic, supervisor, skills, places, location. */
public record HostOffer(UUID id, FellowshipCallId callId, OrganisationId organisation, String organisationName, String topic, String description,
                        String supervisor, List<String> skills, int places, String city, String country, boolean open) {

    public HostOffer {
        skills = List.copyOf(skills);
    }
}
