package eu.aiskills.academy.search.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.talent.CandidateProfile;
import eu.aiskills.academy.talent.CandidateProfileChanged;
import eu.aiskills.academy.talent.CandidateSkill;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.SkillSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the candidates index in step with the talent module: a profile is a document only while
 * its owner consents to employers seeing it; made private, consent withdrawn or erased, it is
 * removed. Only employers' searches read this index, and they check consent again on the way out.
 * Versions are the time of reading, as in {@link OpportunityIndexing}.
 */
@Component
class CandidateIndexing implements SearchSource {

    static final String INDEX = "candidates";

    private final Candidates candidates;
    private final DocumentWriter writer;
    private final ObjectProvider<SearchIndices> indices;
    private final Clock clock;

    CandidateIndexing(Candidates candidates, DocumentWriter writer, ObjectProvider<SearchIndices> indices, Clock clock) {
        this.candidates = candidates;
        this.writer = writer;
        this.indices = indices;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CandidateProfileChanged event) {
        long version = clock.millis();
        writer.put(indices.getObject().writeTargets(INDEX), id(event.account()),
                SystemActor.call(() -> candidates.searchable(event.account())).map(profile -> document(profile, version)), version);
    }

    @Override
    public String index() {
        return INDEX;
    }

    @Override
    public long estimatedDocuments() {
        return SystemActor.call(candidates::countSearchable);
    }

    @Override
    public void forEachBatch(int batchSize, Consumer<List<IndexedDocument>> batch) {
        AccountId after = null;
        while (true) {
            long version = clock.millis();
            AccountId from = after;
            List<CandidateProfile> page = SystemActor.call(() -> candidates.searchableAfter(from, batchSize));
            if (page.isEmpty()) {
                return;
            }
            batch.accept(page.stream().map(profile -> document(profile, version)).toList());
            after = page.getLast().account();
        }
    }

    static String id(AccountId account) {
        return "candidate:" + account.value();
    }

    static IndexedDocument document(CandidateProfile profile, long version) {
        var draft = profile.draft();
        Map<String, Object> fields = new HashMap<>();
        fields.put("type", "candidate");
        fields.put("account", profile.account().value().toString());
        fields.put("name", profile.displayName());
        fields.put("title", draft.headline());
        String text = Markdown.toPlainText(draft.experience()) + "\n\n" + Markdown.toPlainText(draft.education());
        List<String> analysed = draft.languages().stream().filter(CatalogueIndexing.ANALYSED_LANGUAGES::contains).toList();
        // A profile's text is taken to be in the first language the candidate lists that the index analyses.
        CatalogueIndexing.putText(fields, analysed.isEmpty() ? "" : analysed.getFirst(), Map.of("title", draft.headline(), "body", text));
        Set<String> skills = new LinkedHashSet<>();
        Set<String> verified = new LinkedHashSet<>();
        for (CandidateSkill skill : profile.skills()) {
            skills.add(skill.label());
            if (skill.source() == SkillSource.VERIFIED) {
                verified.add(skill.label());
            }
        }
        fields.put("skills", List.copyOf(skills));
        fields.put("verified_skills", List.copyOf(verified));
        fields.put("language", draft.languages());
        if (draft.country() != null) {
            fields.put("country", draft.country());
        }
        if (draft.city() != null) {
            fields.put("city", draft.city());
        }
        fields.put("mobility", draft.mobility().name());
        fields.put("visibility", draft.visibility().name());
        if (profile.updatedAt() != null) {
            fields.put("updated_at", profile.updatedAt().toString());
        }
        return new IndexedDocument(id(profile.account()), version, fields);
    }
}
