package eu.aiskills.academy.identity;

import java.util.Set;

/** An administrator changed what an account may do. */
public record RolesChanged(AccountId accountId, Set<Role> before, Set<Role> after, AccountId changedBy) {

    public RolesChanged {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }
}
