package eu.aiskills.academy.identity.internal;

import java.util.List;

import eu.aiskills.academy.identity.EmailAddress;
import eu.aiskills.academy.identity.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in by email; rehashes a password when the hashing parameters have been strengthened. */
@Component
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final Accounts accounts;
    private final SignInThrottle throttle;

    AccountUserDetailsService(Accounts accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        if (throttle.locked(username)) {
            // Before the account is looked up: a locked address says "locked" whether or not it has an account,
            // and the lock holds even for the right password.
            throw new org.springframework.security.authentication.LockedException("Locked after too many wrong passwords");
        }
        AccountEntity account = accounts.findByEmail(EmailAddress.normalise(username))
                .filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No password account for this email"));
        return toUser(account);
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        AccountEntity account = accounts.findByEmail(EmailAddress.normalise(user.getUsername()))
                .orElseThrow(() -> new UsernameNotFoundException("Account vanished while signing in"));
        account.changePasswordHash(newPassword);
        return toUser(account);
    }

    static List<SimpleGrantedAuthority> authorities(AccountEntity account) {
        return account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
    }

    private static AccountUser toUser(AccountEntity account) {
        return new AccountUser(account.id(), account.email(), account.displayName(), account.passwordHash(),
                account.enabled(), authorities(account));
    }
}
