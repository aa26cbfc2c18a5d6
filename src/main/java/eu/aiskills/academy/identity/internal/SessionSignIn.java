package eu.aiskills.academy.identity.internal;

import eu.aiskills.academy.identity.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in without a password form, where the platform has just established who they
 * are (they registered; they gave their second factor): the same security context a form sign-in
 * stores, in the same HTTP session store. The caller renews the session's id first.
 */
@Component
public class SessionSignIn {

    private final Accounts accounts;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionSignIn(Accounts accounts) {
        this.accounts = accounts;
    }

    public void signIn(AccountId id, HttpServletRequest request, HttpServletResponse response) {
        AccountEntity account = accounts.findById(id.value()).orElseThrow();
        AccountUser user = new AccountUser(account.id(), account.email(), account.displayName(), account.passwordHash(),
                account.enabled(), AccountUserDetailsService.authorities(account));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
