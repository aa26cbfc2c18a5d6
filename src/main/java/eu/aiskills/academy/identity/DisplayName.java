package eu.aiskills.academy.identity;

import eu.aiskills.academy.shared.UserFacingException;

/** The name a person is shown under. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;

    public DisplayName {
        value = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            throw UserFacingException.onField("displayName", "validation.display-name.required");
        }
        if (value.length() > MAX_LENGTH) {
            throw UserFacingException.onField("displayName", "validation.display-name.too-long", MAX_LENGTH);
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw UserFacingException.onField("displayName", "validation.display-name.characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
