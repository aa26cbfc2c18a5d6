package eu.aiskills.academy.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reading the platform's source material under {@code content/}: listing files at a configured
 * location, reading them whole, parsing YAML strictly (an unknown field is a typo, not something
 * to ignore) and fingerprinting them so an import can skip what did not change.
 */
public final class ContentFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ContentFiles() {
    }

    /** The files matching {@code pattern} (for example {@code *}{@code /course.yaml}) under {@code location}. */
    public static Resource[] list(String location, String pattern) {
        String base = location.endsWith("/") ? location : location + "/";
        try {
            return new PathMatchingResourcePatternResolver().getResources(base + pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list content files " + pattern + " under " + base, e);
        }
    }

    public static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read content file " + resource.getDescription(), e);
        }
    }

    public static Resource relative(Resource base, String name) {
        try {
            return base.createRelative(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve " + name + " next to " + base.getDescription(), e);
        }
    }

    /** Parses YAML into {@code type}, refusing unknown fields. */
    public static <T> T yaml(byte[] raw, Class<T> type) {
        return YAML.readValue(raw, type);
    }

    /**
     * The file's YAML as {@code type}; a file that cannot be read stops the start-up saying which
     * and why ({@code what} names its kind: "Quiz", "Assignment"...).
     */
    public static <T> T yaml(Resource file, byte[] raw, Class<T> type, String what) {
        try {
            return YAML.readValue(raw, type);
        } catch (RuntimeException e) {
            throw new IllegalStateException(what + " " + file.getDescription() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A SHA-256 fingerprint over all parts, in order. */
    public static String fingerprint(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
