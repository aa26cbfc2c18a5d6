package eu.aiskills.academy.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.shared.Translations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** English, German and French are complete, well-formed, and cover every key the code uses. */
class TranslationsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Pattern KEY = Pattern.compile("\"([a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+\\.?)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr"})
    void everyLanguageHasExactlyTheEnglishKeys(String language) throws IOException {
        Properties english = load("translations.properties");
        Properties other = load("translations_" + language + ".properties");
        assertThat(new TreeSet<>(other.stringPropertyNames()))
                .as("keys of %s", language)
                .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(other.getProperty(key)))
                    .as("arguments of %s in %s", key, language)
                    .isEqualTo(arguments(english.getProperty(key)));
            assertThat(other.getProperty(key)).as("%s in %s", key, language).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_de", "_fr"})
    void everyMessageIsAValidFormatWithoutStrayApostrophes(String suffix) throws IOException {
        Properties bundle = load("translations" + suffix + ".properties");
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            assertThat(value).as("%s must use ’ rather than a plain apostrophe", key).doesNotContain("'");
            new MessageFormat(value, Locale.ROOT);
        }
    }

    @Test
    void everyKeyInTheCodeExists() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        Set<String> prefixes = keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    String candidate = matcher.group(1);
                    if (!prefixes.contains(candidate.substring(0, candidate.indexOf('.')))) {
                        continue;
                    }
                    boolean known = keys.contains(candidate)
                            || keys.stream().anyMatch(k -> k.startsWith(candidate.endsWith(".") ? candidate : candidate + "."));
                    if (!known) {
                        missing.add(source.getFileName() + ": " + candidate);
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in the code but missing from the bundle").isEmpty();
    }

    @Test
    void everyEnumShownToPeopleHasItsLabels() {
        Stream.of(Role.values()).map(Role::messageKey).forEach(TranslationsTest::assertKnown);
        Stream.of(OrganisationKind.values()).map(OrganisationKind::messageKey).forEach(TranslationsTest::assertKnown);
        Stream.of(MembershipRole.values()).map(MembershipRole::messageKey).forEach(TranslationsTest::assertKnown);
        Stream.of(CourseLevel.values()).map(CourseLevel::messageKey).forEach(TranslationsTest::assertKnown);
    }

    @Test
    void lookupsNeverFallBackToTheServersLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Translations.get(Locale.ENGLISH, "shell.sign-in")).isEqualTo("Sign in");
            assertThat(Translations.get(Locale.FRENCH, "shell.sign-in")).isNotEqualTo("Sign in");
            assertThat(Translations.get(Locale.of("pt"), "shell.sign-in")).isEqualTo("Sign in");
        } finally {
            Locale.setDefault(previous);
        }
        assertThat(Translations.get(Locale.GERMAN, "catalogue.count", 3)).contains("3");
        assertThat(Translations.get(Locale.ENGLISH, "no.such.key")).isEqualTo("!no.such.key!");
    }

    private static void assertKnown(String key) {
        assertThat(Translations.has(key)).as(key).isTrue();
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            indexes.add(Integer.parseInt(matcher.group(1)));
        }
        return indexes;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
