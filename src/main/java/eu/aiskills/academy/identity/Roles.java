package eu.aiskills.academy.identity;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed} on services and views.
 * They must match {@link Role}; a unit test keeps them so.
 */
public final class Roles {

    public static final String STUDENT = "STUDENT";
    public static final String FELLOW = "FELLOW";
    public static final String EMPLOYER = "EMPLOYER";
    public static final String INSTRUCTOR = "INSTRUCTOR";
    public static final String REVIEWER = "REVIEWER";
    public static final String FACTORY_OPERATOR = "FACTORY_OPERATOR";
    public static final String ADMIN = "ADMIN";
    /**
     * The platform itself (content import at start-up, scheduled jobs). Never held by an account;
     * see {@link SystemActor}.
     */
    public static final String SYSTEM = "SYSTEM";

    private Roles() {
    }
}
