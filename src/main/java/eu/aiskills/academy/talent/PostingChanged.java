package eu.aiskills.academy.talent;

import java.util.UUID;

/** A posting was published, edited, closed or filled: whatever shows it (the search index) reads it again. */
public record PostingChanged(UUID posting) {
}
