package eu.aiskills.academy.catalogue;

import java.util.Objects;

/**
 * An ESCO skill: its concept URI (the identity that credentials and postings carry) and the
 * label shown to people.
 */
public record Skill(String uri, String label) {

    public static final String ESCO_PREFIX = "http://data.europa.eu/esco/skill/";

    public Skill {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(label, "label");
    }
}
