package eu.aiskills.academy.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The Content Security Policy, with a fresh nonce for each response in place of
 * {@value #NONCE} (ADR 0018). Only scripts the platform wrote into the page carry it: Vaadin's
 * bootstrap page gets it on each of its {@code <script>} elements as the page is generated, so a
 * script injected by anyone else (stored markup, a crafted link) does not run. Scripts from the
 * platform's own origin still load ({@code 'self'}).
 */
@Component
class ContentSecurityPolicy implements HeaderWriter, VaadinServiceInitListener {

    /** Where a policy names the nonce: {@code script-src 'self' 'nonce-{nonce}'}. */
    static final String NONCE = "{nonce}";

    private static final String ATTRIBUTE = ContentSecurityPolicy.class.getName() + ".nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String policy;

    ContentSecurityPolicy(@Value("${academy.security.content-security-policy}") String policy) {
        if (policy.isBlank()) {
            throw new IllegalArgumentException("academy.security.content-security-policy is empty: give a policy, "
                    + "for example default-src 'self'; script-src 'self' 'nonce-{nonce}'");
        }
        this.policy = policy.strip();
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", policy.replace(NONCE, nonce(request)));
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::sign);
    }

    private void sign(IndexHtmlResponse page) {
        if (page.getVaadinRequest() instanceof VaadinServletRequest request) {
            String nonce = nonce(request.getHttpServletRequest());
            // Data blocks (JSON-LD) are never executed: they need no nonce.
            page.getDocument().select("script:not([type*=json])").attr("nonce", nonce);
        }
    }

    /** This request's nonce: made when first asked for, the same for the header and the page. */
    static String nonce(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String nonce) {
            return nonce;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(ATTRIBUTE, nonce);
        return nonce;
    }
}
