package eu.aiskills.academy.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Addresses made from titles, for courses, lessons and labs. */
public final class Slugs {

    private Slugs() {
    }

    /**
     * A title as lower-case ASCII words joined by '-', at most {@code max} characters, cut at a
     * word: "Grundlagen der KI (Teil 1)" becomes "grundlagen-der-ki-teil-1". Empty when the title
     * has no letter or digit that survives.
     */
    public static String of(String title, int max) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("-+$", "");
        }
        return slug;
    }
}
