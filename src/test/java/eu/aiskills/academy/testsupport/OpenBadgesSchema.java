package eu.aiskills.academy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The Open Badges 3.0 JSON schema for {@code AchievementCredential} (alias {@code OpenBadgeCredential}),
 * as 1EdTech publishes it; its version and source are recorded in {@code docs/dependencies.md} and
 * next to the file ({@code src/test/resources/openbadges/README.md}). Every credential the platform
 * issues is checked against it in a test.
 */
public final class OpenBadgesSchema {

    private static final Schema SCHEMA = load();

    private OpenBadgesSchema() {
    }

    /** Fails, listing each finding, unless {@code credentialJson} (a credential's payload) is valid. */
    public static void assertValid(String credentialJson) {
        List<Error> errors = SCHEMA.validate(credentialJson, InputFormat.JSON);
        assertThat(errors).as("Open Badges 3.0 schema findings for\n%s", credentialJson).isEmpty();
    }

    /** The findings for {@code credentialJson}, for tests that check the schema catches a mistake. */
    public static List<String> findings(String credentialJson) {
        return SCHEMA.validate(credentialJson, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        try (InputStream in = OpenBadgesSchema.class.getResourceAsStream("/openbadges/ob_v3p0_achievementcredential_schema.json")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/openbadges/ob_v3p0_achievementcredential_schema.json is missing");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
