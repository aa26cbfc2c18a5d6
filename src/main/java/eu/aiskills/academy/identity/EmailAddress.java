package eu.aiskills.academy.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import eu.aiskills.academy.shared.UserFacingException;

/** An email address as the platform stores it: trimmed, lower-case, plausibly deliverable. */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    // A local part of RFC 5322 "atext" characters and dots, a domain with at least one dot and
    // a letter-only top-level label. Deliverability is proven by use, not by a pattern.
    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public EmailAddress {
        value = normalise(value);
        if (value.isEmpty()) {
            throw UserFacingException.onField("email", "validation.email.required");
        }
        if (value.length() > MAX_LENGTH) {
            throw UserFacingException.onField("email", "validation.email.too-long", MAX_LENGTH);
        }
        if (!SHAPE.matcher(value).matches()) {
            throw UserFacingException.onField("email", "validation.email.invalid");
        }
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code raw} would be accepted, for forms that check as the user types. */
    public static boolean isValid(String raw) {
        try {
            new EmailAddress(raw);
            return true;
        } catch (UserFacingException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
