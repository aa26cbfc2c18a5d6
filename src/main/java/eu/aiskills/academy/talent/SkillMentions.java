package eu.aiskills.academy.talent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.Skill;

/**
 * Finds the ESCO skills a text names: each skill's label as whole words, in any case, with any
 * run of spaces, hyphens or line breaks between its words ("Machine-Learning", "machine
 * learning"). Suggestions only: the candidate confirms each.
 */
final class SkillMentions {

    private SkillMentions() {
    }

    static List<Skill> find(String text, List<Skill> skills) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<Skill> found = new ArrayList<>();
        for (Skill skill : skills) {
            if (pattern(skill.label()).matcher(normalised).find()) {
                found.add(skill);
            }
        }
        return found;
    }

    private static Pattern pattern(String label) {
        String[] words = label.toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\-]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
    }
}
