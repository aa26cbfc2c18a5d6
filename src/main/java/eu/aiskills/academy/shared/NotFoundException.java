package eu.aiskills.academy.shared;

/** Something a person asked for does not exist (or is not visible to them). */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
