package eu.aiskills.academy.fellowships;

import java.util.List;

import eu.aiskills.academy.identity.OrganisationId;

/** A placement offer as its host writes it; {@code skills} are ESCO skill URIs. */
public record OfferDraft(OrganisationId organisation, String topic, String description, String supervisor, List<String> skills,
                         int places, String city, String country) {

    public static final int TOPIC_MAX = 200;
    public static final int TEXT_MAX = 10_000;
    public static final int SUPERVISOR_MAX = 200;
    public static final int CITY_MAX = 120;
    /** An ISO 3166 country code. */
    public static final int COUNTRY_LENGTH = 2;

    public OfferDraft {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
