package eu.aiskills.academy.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eu.aiskills.academy.shared.UserFacingException;

/**
 * The rules a new password must meet, after NIST SP 800-63B: length matters, composition
 * rules do not; known and guessable passwords are refused. Each refusal names what to change.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final int MIN_DISTINCT_CHARACTERS = 5;

    private static final Set<String> COMMON = loadCommonPasswords();

    private PasswordPolicy() {
    }

    /**
     * The message key of the first rule {@code password} breaks, or empty if it meets them all.
     * {@code email} and {@code displayName} may be null; when present, a password built from
     * them is refused.
     */
    public static Optional<String> problem(String password, String email, String displayName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("validation.password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("validation.password.too-short");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("validation.password.too-long");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("validation.password.control-characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS || isSequence(lower)) {
            return Optional.of("validation.password.guessable");
        }
        if (COMMON.contains(lower) || COMMON.contains(stripTrailingDigits(lower))) {
            return Optional.of("validation.password.common");
        }
        if (containsPersonalPart(lower, email, displayName)) {
            return Optional.of("validation.password.personal");
        }
        return Optional.empty();
    }

    /** Throws a field rejection when {@code password} breaks a rule. */
    public static void check(String password, String email, String displayName) {
        problem(password, email, displayName).ifPresent(key -> {
            throw UserFacingException.onField("password", key, MIN_LENGTH, MAX_LENGTH);
        });
    }

    private static boolean containsPersonalPart(String lowerPassword, String email, String displayName) {
        if (email != null) {
            String local = EmailAddress.normalise(email).split("@", 2)[0];
            if (local.length() >= 4 && lowerPassword.contains(local)) {
                return true;
            }
        }
        if (displayName != null) {
            for (String part : displayName.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() >= 4 && lowerPassword.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A run of consecutive characters such as "abcdefghijkl" or "987654321098". */
    private static boolean isSequence(String s) {
        int ascending = 0;
        int descending = 0;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            if (step == 1 || step == -9) {
                ascending++;
            }
            if (step == -1 || step == 9) {
                descending++;
            }
        }
        int steps = s.length() - 1;
        return ascending >= steps - 1 || descending >= steps - 1;
    }

    private static String stripTrailingDigits(String s) {
        return s.replaceAll("[0-9!.?]+$", "");
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the identity module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
