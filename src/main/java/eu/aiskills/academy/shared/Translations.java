package eu.aiskills.academy.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's message bundles ({@code vaadin-i18n/translations*.properties}): English is the
 * base bundle, German and French complete translations. Lookups never fall back to the JVM's
 * default locale (a server running in a German locale must still answer English users in
 * English), and a missing key shows as {@code !key!} rather than failing the page.
 */
public final class Translations {

    public static final String BUNDLE = "vaadin-i18n.translations";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Translations() {
    }

    /** The supported locale closest to {@code requested} (its language), English otherwise. */
    public static Locale supported(Locale requested) {
        if (requested == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public static String get(Locale locale, String key, Object... arguments) {
        Locale target = supported(locale);
        String pattern;
        try {
            pattern = bundle(target).getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation key '{}' for {}", key, target);
            return "!" + key + "!";
        }
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            resolved[i] = resolve(target, arguments[i]);
        }
        return new MessageFormat(pattern, target).format(resolved);
    }

    /** A language's name in that language, capitalised as a menu item: "Deutsch", "Français". */
    public static String languageName(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.toLanguageTag() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static Object resolve(Locale locale, Object argument) {
        if (argument instanceof MessageRef ref) {
            return get(locale, ref.key(), ref.arguments().toArray());
        }
        if (argument instanceof MessageRef.ListOf list) {
            return String.join(", ", list.items().stream().map(ref -> get(locale, ref.key(), ref.arguments().toArray())).toList());
        }
        if (argument instanceof java.time.ZonedDateTime moment) {
            // A moment in its own time zone, in the reader's language, with the zone named.
            return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                    java.time.format.FormatStyle.SHORT).withLocale(locale).format(moment) + " (" + moment.getZone().getId() + ")";
        }
        return argument;
    }

    public static boolean has(String key) {
        return bundle(Locale.ENGLISH).containsKey(key);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale bundleLocale = Locale.ENGLISH.equals(locale) ? Locale.ROOT : locale;
        return ResourceBundle.getBundle(BUNDLE, bundleLocale, NO_FALLBACK);
    }
}
