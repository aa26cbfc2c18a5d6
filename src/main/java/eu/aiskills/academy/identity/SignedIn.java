package eu.aiskills.academy.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Anybody signed in may call the operation (the platform acting as itself included); whose things
 * it touches the operation checks itself. Services say who may call them in one style (ADR 0019):
 * {@code @RolesAllowed} with {@link Roles} for roles, {@code @PermitAll} for what is public, this
 * for "signed in, whatever the role". It is the only place a Spring Security expression is written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@PreAuthorize("isAuthenticated()")
public @interface SignedIn {
}
