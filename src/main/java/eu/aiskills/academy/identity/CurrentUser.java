package eu.aiskills.academy.identity;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, read from the security context of the current request or task. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AcademyPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AcademyPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public static Optional<AccountId> id() {
        return principal().map(AcademyPrincipal::accountId);
    }

    /** The caller's account id; fails as Spring Security does when nobody is signed in. */
    public static AccountId requireId() {
        return id().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign-in required"));
    }

    public static boolean hasRole(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        String authority = "ROLE_" + role;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    public static boolean is(AccountId accountId) {
        return id().map(accountId::equals).orElse(false);
    }

    /** Passes when the caller is {@code accountId} or holds one of {@code roles}; denies otherwise. */
    public static void requireSelfOr(AccountId accountId, String... roles) {
        if (is(accountId)) {
            return;
        }
        for (String role : roles) {
            if (hasRole(role)) {
                return;
            }
        }
        requireId();
        throw new AccessDeniedException("Not allowed for account " + accountId);
    }
}
