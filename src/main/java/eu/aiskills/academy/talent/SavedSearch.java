package eu.aiskills.academy.talent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A candidate's alert: postings that match are announced when they are published and reminded
 * before they close (if the candidate has not applied).
 *
 * @param text      words the title or description must contain, or blank
 * @param kinds     the kinds of posting wanted; empty for any
 * @param countries ISO codes of countries of work; empty for any
 * @param skills    ESCO skill URIs of which a posting must require or want at least one; empty for any
 */
public record SavedSearch(UUID id, String name, String text, Set<PostingKind> kinds, Set<String> countries, Set<String> skills,
                          Instant createdAt) {

    public static final int NAME_MAX = 120;
    public static final int TEXT_MAX = 200;
    public static final int PER_PERSON_MAX = 20;

    public SavedSearch {
        text = text == null ? "" : text.strip();
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }

    /** Whether a posting is what this search looks for. */
    public boolean matches(Posting posting) {
        PostingDraft d = posting.draft();
        if (!kinds.isEmpty() && !kinds.contains(d.kind())) {
            return false;
        }
        if (!countries.isEmpty() && !countries.contains(d.workCountry())) {
            return false;
        }
        if (!skills.isEmpty() && d.requiredSkills().stream().noneMatch(skills::contains)
                && d.optionalSkills().stream().noneMatch(skills::contains)) {
            return false;
        }
        String haystack = (d.title() + "\n" + d.description()).toLowerCase(java.util.Locale.ROOT);
        for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            if (!word.isBlank() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
