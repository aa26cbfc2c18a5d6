package eu.aiskills.academy.identity.internal;

import java.io.IOException;

import eu.aiskills.academy.identity.AcademyPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records each signed-in session and signs out one that was ended elsewhere ("sign out
 * everywhere", a new password): its HTTP session is invalidated before the request reaches the
 * application, so the next page is the sign-in page. Runs inside Spring Security's chain, where
 * the signed-in person is known.
 */
@Component
class SignedInSessionFilter extends OncePerRequestFilter implements HttpSessionListener {

    private final SignedInSessions sessions;

    SignedInSessionFilter(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof AcademyPrincipal principal
                && !sessions.seen(session.getId(), principal.accountId(), request.getHeader("User-Agent"))) {
            SecurityContextHolder.clearContext();
            session.invalidate();
            if ("GET".equals(request.getMethod()) && request.getHeader("X-Requested-With") == null) {
                response.sendRedirect(request.getContextPath() + "/login?signed-out");
                return;
            }
            // Vaadin's own requests: the client then shows that the session expired and reloads.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.closed(event.getSession().getId());
    }
}
