/**
 * Identity: accounts and their roles, organisations (employers, host institutions,
 * universities, AI Factory operators) and memberships, self-registration, sign-in (form and
 * OpenID Connect), password change, and the service-level authorisation every module uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package eu.aiskills.academy.identity;
