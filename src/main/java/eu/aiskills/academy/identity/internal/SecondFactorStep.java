package eu.aiskills.academy.identity.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;

import eu.aiskills.academy.identity.AcademyPrincipal;
import eu.aiskills.academy.identity.AccountId;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After a right password: an account with a second factor is not signed in yet. The session
 * remembers whose password it was (for five minutes) and the page asks for the code; everyone
 * else goes on to the page that asked them to sign in, as before.
 */
@Component
public class SecondFactorStep implements AuthenticationSuccessHandler {

    /** The session attribute of a sign-in waiting for its code. */
    public static final String PENDING = "academy.sign-in.pending";
    public static final String ROUTE = "sign-in-code";

    /** Whose password was right, and when. */
    public record Pending(AccountId account, Instant since, int attempts) implements Serializable {
    }

    private final SecondFactorCodes codes;
    private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorStep(SecondFactorCodes codes) {
        this.codes = codes;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof AcademyPrincipal principal && codes.enabledFor(principal.accountId())) {
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            request.getSession().setAttribute(PENDING, new Pending(principal.accountId(), Instant.now(), 0));
            response.sendRedirect(request.getContextPath() + "/" + ROUTE);
            return;
        }
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
