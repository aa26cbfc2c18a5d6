package eu.aiskills.academy.talent.ui;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.PostingStructuredData;
import eu.aiskills.academy.talent.Postings;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Puts an open posting's schema.org {@code JobPosting} JSON-LD into the HTML the server sends for its page. */
@Component
class PostingStructuredDataListener implements VaadinServiceInitListener {

    private static final Pattern POSTING_PATH = Pattern.compile("^/postings/([0-9a-f-]{36})/?$");

    private final Postings postings;
    private final Catalogue catalogue;

    PostingStructuredDataListener(Postings postings, Catalogue catalogue) {
        this.postings = postings;
        this.catalogue = catalogue;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::modify);
    }

    private void modify(IndexHtmlResponse response) {
        if (!(response.getVaadinRequest() instanceof VaadinServletRequest request)) {
            return;
        }
        String path = request.getPathInfo() == null ? request.getRequestURI() : request.getPathInfo();
        Matcher matcher = POSTING_PATH.matcher(path == null ? "" : path);
        if (!matcher.matches()) {
            return;
        }
        Posting posting;
        try {
            posting = postings.published(UUID.fromString(matcher.group(1)));
        } catch (NotFoundException | IllegalArgumentException e) {
            return;
        }
        if (posting.status() != PostingStatus.PUBLISHED) {
            return;
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).build().toUriString();
        Map<String, String> labels = catalogue.skills().stream().collect(Collectors.toMap(Skill::uri, Skill::label, (a, b) -> a));
        Element head = response.getDocument().head();
        head.appendElement("script").attr("type", "application/ld+json")
                .appendChild(new DataNode(PostingStructuredData.jsonLd(posting, labels, base + "/postings/" + posting.id())));
    }
}
