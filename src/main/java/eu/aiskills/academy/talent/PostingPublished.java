package eu.aiskills.academy.talent;

import java.util.UUID;

/** A posting opened to applications: candidates' saved searches are checked against it. */
public record PostingPublished(UUID posting) {
}
