package eu.aiskills.academy.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import eu.aiskills.academy.shared.UserFacingException;

/** What a person gives when they register. Validates itself; each rejection names its field. */
public record NewAccount(EmailAddress email, DisplayName displayName, String password, Set<Role> roles, Locale locale) {

    public NewAccount {
        if (email == null) {
            throw UserFacingException.onField("email", "validation.email.required");
        }
        if (displayName == null) {
            throw UserFacingException.onField("displayName", "validation.display-name.required");
        }
        PasswordPolicy.check(password, email.value(), displayName.value());
        if (roles == null || roles.isEmpty()) {
            throw UserFacingException.onField("roles", "validation.roles.required");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Builds from raw form input, so that each field's problem is reported against it. */
    public static NewAccount of(String email, String displayName, String password, Set<Role> roles, Locale locale) {
        return new NewAccount(new EmailAddress(email), new DisplayName(displayName), password, roles, locale);
    }
}
