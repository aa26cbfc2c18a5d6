package eu.aiskills.academy.identity;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the platform itself (content import, scheduled jobs), so that the same
 * service-level checks apply to it as to people: services allow {@link Roles#SYSTEM} where the
 * platform may act. No account ever holds that role.
 */
public final class SystemActor {

    private static final String NAME = "system";

    private SystemActor() {
    }

    /** The platform's context while work runs as the platform on this thread (see {@link SystemActorAwareStrategy}). */
    private static final ThreadLocal<SecurityContext> ACTING = new ThreadLocal<>();

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = ACTING.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                NAME, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SYSTEM))));
        ACTING.set(context);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            if (acting == null) {
                ACTING.remove();
            } else {
                ACTING.set(acting);
            }
        }
    }

    static SecurityContext current() {
        return ACTING.get();
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
