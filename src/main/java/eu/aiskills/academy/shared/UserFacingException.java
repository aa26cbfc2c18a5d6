package eu.aiskills.academy.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rejection a person can act on. It carries a message key from the translation bundles
 * ({@code vaadin-i18n/translations*.properties}) and its arguments, so that views show it in
 * the user's language; {@link #getMessage()} holds the key and arguments for logs.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final String field;

    public UserFacingException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private UserFacingException(String field, String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = Objects.requireNonNull(messageKey);
        this.arguments = arguments.clone();
        this.field = field;
    }

    /** A rejection that belongs to one input field, so a form can show it beside that field. */
    public static UserFacingException onField(String field, String messageKey, Object... arguments) {
        return new UserFacingException(Objects.requireNonNull(field), messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The input field this rejection is about, or {@code null} when it concerns the whole action. */
    public String field() {
        return field;
    }
}
