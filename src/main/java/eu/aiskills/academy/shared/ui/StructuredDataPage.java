package eu.aiskills.academy.shared.ui;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Puts a page's schema.org JSON-LD (and, when given, its description) into the HTML the server
 * sends for the paths it matches: search engines and link previews read it without running the
 * application's scripts. A module's page says what to write for a matched path.
 */
public abstract class StructuredDataPage implements VaadinServiceInitListener {

    /** What a page says about itself: JSON-LD text, and a description or {@code null}. */
    public record Description(String jsonLd, String description) {
    }

    private final Pattern path;

    protected StructuredDataPage(Pattern path) {
        this.path = path;
    }

    /** The description of the page at the matched path, {@code base} being the application's address; empty for none. */
    protected abstract Optional<Description> describe(Matcher path, String base);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::write);
    }

    private void write(IndexHtmlResponse response) {
        if (!(response.getVaadinRequest() instanceof VaadinServletRequest request)) {
            return;
        }
        String requested = request.getPathInfo() == null ? request.getRequestURI() : request.getPathInfo();
        Matcher matcher = path.matcher(requested == null ? "" : requested);
        if (!matcher.matches()) {
            return;
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).build().toUriString();
        describe(matcher, base).ifPresent(page -> {
            Element head = response.getDocument().head();
            if (page.description() != null) {
                head.appendElement("meta").attr("name", "description").attr("content", page.description());
            }
            // "</" cannot end the script early once escaped; JSON reads "<\/" as "</".
            head.appendElement("script").attr("type", "application/ld+json")
                    .appendChild(new DataNode(page.jsonLd().replace("</", "<\\/")));
        });
    }
}
