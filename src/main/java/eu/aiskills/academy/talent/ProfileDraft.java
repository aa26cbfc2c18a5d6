package eu.aiskills.academy.talent;

import java.util.List;

/**
 * A candidate profile as its owner writes it.
 *
 * @param experience     Markdown (rendered sanitised)
 * @param education      Markdown (rendered sanitised)
 * @param country        ISO 3166 two-letter code of where the candidate lives, or {@code null}
 * @param languages      ISO 639-1 codes
 * @param declaredSkills ESCO skill URIs the candidate declares
 * @param consent        the candidate agrees that employers may see the profile; needed for any
 *                       visibility but PRIVATE
 */
public record ProfileDraft(String headline, String experience, String education, String country, String city, Mobility mobility,
                           List<String> languages, List<String> declaredSkills, Visibility visibility, boolean consent) {

    public static final int HEADLINE_MAX = 200;
    public static final int TEXT_MAX = 10_000;
    public static final int CITY_MAX = 120;

    public ProfileDraft {
        languages = languages == null ? List.of() : List.copyOf(languages);
        declaredSkills = declaredSkills == null ? List.of() : List.copyOf(declaredSkills);
    }

    /** What a person who never wrote a profile starts from. */
    public static ProfileDraft empty() {
        return new ProfileDraft("", "", "", null, null, Mobility.COUNTRY, List.of(), List.of(), Visibility.PRIVATE, false);
    }
}
