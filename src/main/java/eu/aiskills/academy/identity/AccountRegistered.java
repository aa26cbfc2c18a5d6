package eu.aiskills.academy.identity;

import java.util.Set;

/** A new account exists (self-registered, created through OpenID Connect, or by the platform). */
public record AccountRegistered(AccountId accountId, Set<Role> roles) {

    public AccountRegistered {
        roles = Set.copyOf(roles);
    }
}
