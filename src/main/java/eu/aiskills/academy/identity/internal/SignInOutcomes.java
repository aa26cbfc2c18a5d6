package eu.aiskills.academy.identity.internal;

import java.io.IOException;
import java.time.Duration;

import eu.aiskills.academy.identity.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Where a refused password sign-in leads: back to the sign-in page with the typed address kept
 * (in the session, never the address bar) and the reason: locked for N minutes (said for any
 * address, existing or not), the account disabled (said only after the right password), or
 * wrong e-mail or password.
 */
@Component
public class SignInOutcomes implements AuthenticationFailureHandler {

    /** The session attribute the sign-in page reads the typed address from. */
    public static final String TYPED_EMAIL = "academy.sign-in.email";

    private final SignInThrottle throttle;

    SignInOutcomes(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String typed = request.getParameter("username");
        if (typed != null && typed.length() <= EmailAddress.MAX_LENGTH) {
            request.getSession().setAttribute(TYPED_EMAIL, typed.strip());
        }
        Throwable reason = exception.getCause() instanceof AuthenticationException cause ? cause : exception;
        String query;
        if (reason instanceof LockedException && typed != null) {
            long minutes = Math.max(1, (throttle.lockedFor(typed).map(Duration::toSeconds).orElse(60L) + 59) / 60);
            query = "error=locked&minutes=" + minutes;
        } else if (reason instanceof DisabledException) {
            query = "error=disabled";
        } else {
            query = "error";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }
}
