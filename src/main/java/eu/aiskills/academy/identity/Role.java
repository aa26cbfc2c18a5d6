package eu.aiskills.academy.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a person may do on the platform. A person can hold several. Only {@link #STUDENT} and
 * {@link #FELLOW} can be chosen at registration: the others speak for an organisation or judge
 * other people's work, so an administrator grants them.
 */
public enum Role {
    STUDENT,
    FELLOW,
    EMPLOYER,
    INSTRUCTOR,
    REVIEWER,
    FACTORY_OPERATOR,
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean selfAssignable() {
        return this == STUDENT || this == FELLOW;
    }

    public static Set<Role> selfAssignableRoles() {
        return EnumSet.of(STUDENT, FELLOW);
    }

    /** The key of this role's name in the translation bundles. */
    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
