package eu.aiskills.academy.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** What other modules and views may know about an account. */
public record AccountSummary(
        AccountId id,
        String email,
        String displayName,
        Set<Role> roles,
        Locale preferredLocale,
        boolean enabled,
        Instant createdAt,
        boolean emailVerified,
        boolean secondFactor) {

    public AccountSummary {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
