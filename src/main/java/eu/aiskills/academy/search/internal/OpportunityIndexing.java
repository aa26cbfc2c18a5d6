package eu.aiskills.academy.search.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.fellowships.CallPublished;
import eu.aiskills.academy.fellowships.CallStatus;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCallId;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingChanged;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the opportunities index in step with the talent and fellowships modules: a published
 * posting taking applications and a published fellowship call are documents; a posting closed or
 * filled disappears. Past their dates both stay in the index and queries leave them out (a closed
 * call only for reviewers), so nothing has to happen at midnight.
 *
 * <p>Documents carry the time they were read from the database as their version: a later read
 * reflects a later state, so a slow reaction can never overwrite a newer one, and retries change nothing.
 */
@Component
class OpportunityIndexing implements SearchSource {

    static final String INDEX = "opportunities";

    private final Postings postings;
    private final FellowshipCalls calls;
    private final Catalogue catalogue;
    private final DocumentWriter writer;
    private final ObjectProvider<SearchIndices> indices;
    private final Clock clock;

    OpportunityIndexing(Postings postings, FellowshipCalls calls, Catalogue catalogue, DocumentWriter writer,
                        ObjectProvider<SearchIndices> indices, Clock clock) {
        this.postings = postings;
        this.calls = calls;
        this.catalogue = catalogue;
        this.writer = writer;
        this.indices = indices;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PostingChanged event) {
        long version = clock.millis();
        writer.put(indices.getObject().writeTargets(INDEX), postingId(event.posting()),
                SystemActor.call(() -> postings.searchable(event.posting())).map(posting -> document(posting, skillLabels(), version)),
                version);
    }

    @ApplicationModuleListener
    void on(CallPublished event) {
        long version = clock.millis();
        FellowshipCall call = SystemActor.call(() -> calls.get(event.call()));
        writer.put(indices.getObject().writeTargets(INDEX), callId(call.id()),
                java.util.Optional.of(call).filter(c -> c.status() == CallStatus.PUBLISHED).map(c -> document(c, version)), version);
    }

    @Override
    public String index() {
        return INDEX;
    }

    @Override
    public long estimatedDocuments() {
        return SystemActor.call(postings::countSearchable) + SystemActor.call(() -> calls.all().size());
    }

    @Override
    public void forEachBatch(int batchSize, Consumer<List<IndexedDocument>> batch) {
        Map<String, String> labels = skillLabels();
        UUID after = null;
        while (true) {
            long version = clock.millis();
            UUID from = after;
            List<Posting> page = SystemActor.call(() -> postings.searchableAfter(from, batchSize));
            if (page.isEmpty()) {
                break;
            }
            batch.accept(page.stream().map(posting -> document(posting, labels, version)).toList());
            after = page.getLast().id();
        }
        long version = clock.millis();
        List<IndexedDocument> published = SystemActor.call(calls::all).stream()
                .filter(call -> call.status() == CallStatus.PUBLISHED).map(call -> document(call, version)).toList();
        for (int from = 0; from < published.size(); from += batchSize) {
            batch.accept(published.subList(from, Math.min(published.size(), from + batchSize)));
        }
    }

    static String postingId(UUID posting) {
        return "posting:" + posting;
    }

    static String callId(FellowshipCallId call) {
        return "call:" + call;
    }

    private Map<String, String> skillLabels() {
        Map<String, String> labels = new HashMap<>();
        for (Skill skill : SystemActor.call(catalogue::skills)) {
            labels.put(skill.uri(), skill.label());
        }
        return labels;
    }

    static IndexedDocument document(Posting posting, Map<String, String> skillLabels, long version) {
        var draft = posting.draft();
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", "posting");
        fields.put("slug", posting.id().toString());
        fields.put("title", draft.title());
        String summary = posting.organisationName() + " · " + String.join(", ", draft.locations());
        fields.put("summary", summary);
        String text = Markdown.toPlainText(draft.description());
        // The posting's text is analysed for its language when it names exactly one the index analyses.
        List<String> analysed = draft.languages().stream().filter(CatalogueIndexing.ANALYSED_LANGUAGES::contains).toList();
        CatalogueIndexing.putText(fields, analysed.size() == 1 ? analysed.getFirst() : "", Map.of("title", draft.title(),
                "summary", summary, "body", text));
        Set<String> skills = new LinkedHashSet<>();
        draft.requiredSkills().forEach(uri -> skills.add(skillLabels.getOrDefault(uri, uri)));
        draft.optionalSkills().forEach(uri -> skills.add(skillLabels.getOrDefault(uri, uri)));
        fields.put("skills", List.copyOf(skills));
        fields.put("language", draft.languages());
        fields.put("format", draft.kind().name());
        fields.put("level", draft.seniority().name());
        fields.put("mode", draft.remote() == RemotePolicy.REMOTE ? "ONLINE" : draft.remote().name());
        fields.put("country", draft.workCountry());
        fields.put("organisation", posting.organisationName());
        // Applications are taken through the closing day (UTC).
        fields.put("closes_at", draft.closesOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        fields.put("updated_at", posting.updatedAt().toString());
        fields.put("suggest", Map.of("input", List.of(draft.title()), "weight", 8));
        return new IndexedDocument(postingId(posting.id()), version, fields);
    }

    static IndexedDocument document(FellowshipCall call, long version) {
        Map<String, Object> fields = new HashMap<>();
        String text = Markdown.toPlainText(call.summary());
        fields.put("type", "call");
        fields.put("slug", call.slug());
        fields.put("title", call.title());
        fields.put("body", text);
        CatalogueIndexing.putText(fields, "en", Map.of("title", call.title(), "body", text));
        fields.put("format", call.scheme().name());
        fields.put("closes_at", call.closesAt().toString());
        fields.put("starts_on", call.opensAt().toString());
        fields.put("updated_at", call.opensAt().toString());
        fields.put("suggest", Map.of("input", List.of(call.title()), "weight", 8));
        return new IndexedDocument(callId(call.id()), version, fields);
    }
}
