/**
 * Identity: accounts and their roles, organisations (employers, host institutions,
 * universities, AI Factory operators) and memberships, self-registration, sign-in (form and
 * OpenID Connect), password change, and the service-level authorisation every module uses.
 * Root: the API ({@code Registration}, {@code AccountManagement}, {@code OrganisationManagement},
 * {@code AccountRecovery}, {@code SecondFactor}, {@code AccountSessions}, {@code PersonalData}),
 * {@code CurrentUser}, {@code SignedIn}, {@code Roles} and {@code SystemActor}; {@code internal}:
 * JPA entities and repositories, the security configuration; {@code ui}: the views (ADR 0019).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package eu.aiskills.academy.identity;
