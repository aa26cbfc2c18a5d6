package eu.aiskills.academy.identity.internal;

import java.util.Collection;

import eu.aiskills.academy.identity.AcademyPrincipal;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person signed in with email and password. */
class AccountUser extends User implements AcademyPrincipal {

    private final AccountId accountId;
    private final String displayName;

    AccountUser(AccountId accountId, String email, String displayName, String passwordHash, boolean enabled,
                Collection<? extends GrantedAuthority> authorities) {
        this(accountId, email, displayName, passwordHash, enabled, true, authorities);
    }

    /** {@code nonLocked} false: password sign-in is locked for a while after repeated failures. */
    AccountUser(AccountId accountId, String email, String displayName, String passwordHash, boolean enabled, boolean nonLocked,
                Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, enabled, true, true, nonLocked, authorities);
        this.accountId = accountId;
        this.displayName = displayName;
    }

    @Override
    public AccountId accountId() {
        return accountId;
    }

    @Override
    public String email() {
        return getUsername();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountUser user && user.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }
}
