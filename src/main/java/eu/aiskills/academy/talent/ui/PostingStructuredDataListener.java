package eu.aiskills.academy.talent.ui;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.StructuredDataPage;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingStatus;
import eu.aiskills.academy.talent.PostingStructuredData;
import eu.aiskills.academy.talent.Postings;
import org.springframework.stereotype.Component;

/** Puts an open posting's schema.org {@code JobPosting} JSON-LD into the HTML the server sends for its page. */
@Component
class PostingStructuredDataListener extends StructuredDataPage {

    private static final Pattern POSTING_PATH = Pattern.compile("^/postings/([0-9a-f-]{36})/?$");

    private final Postings postings;
    private final Catalogue catalogue;

    PostingStructuredDataListener(Postings postings, Catalogue catalogue) {
        super(POSTING_PATH);
        this.postings = postings;
        this.catalogue = catalogue;
    }

    @Override
    protected Optional<Description> describe(Matcher path, String base) {
        Posting posting;
        try {
            posting = postings.published(UUID.fromString(path.group(1)));
        } catch (NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (posting.status() != PostingStatus.PUBLISHED) {
            return Optional.empty();
        }
        Map<String, String> labels = catalogue.skills().stream().collect(Collectors.toMap(Skill::uri, Skill::label, (a, b) -> a));
        return Optional.of(new Description(PostingStructuredData.jsonLd(posting, labels, base + "/postings/" + posting.id()), null));
    }
}
