package eu.aiskills.academy.labs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.aiskills.academy.enrolment.CompletionEvidence;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.labs.LabTemplate;
import org.springframework.stereotype.Component;

/**
 * A learner's graded labs of a course, as credential evidence: the best submission of each, with
 * the provenance of its graded run (where it ran, the environment, GPUs, the notebook revision's
 * SHA-256, the checks passed).
 */
@Component
class LabEvidence implements CompletionEvidence {

    private final LabTemplateStore templates;
    private final LabSessionStore sessions;

    LabEvidence(LabTemplateStore templates, LabSessionStore sessions) {
        this.templates = templates;
        this.sessions = sessions;
    }

    @Override
    public List<Item> of(AccountId learner, String courseSlug) {
        List<Item> items = new ArrayList<>();
        for (LabTemplate lab : templates.all()) {
            if (!lab.courseSlug().equals(courseSlug) || !lab.graded()) {
                continue;
            }
            sessions.best(lab.id(), learner).ifPresent(best -> {
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("checks passed", best.ran().checksPassed() + " of " + best.ran().checksTotal());
                facts.put("notebook revision", Integer.toString(best.revision()));
                if (best.ran().notebookSha256() != null) {
                    facts.put("notebook SHA-256", best.ran().notebookSha256());
                }
                if (best.ran().ranOn() != null) {
                    facts.put("ran on", best.ran().ranOn());
                }
                if (best.ran().environment() != null) {
                    facts.put("environment", best.ran().environment());
                }
                facts.put("GPUs", Integer.toString(best.ran().gpus()));
                items.add(new Item("Lab", lab.title(), best.submittedAt(), best.score(), facts));
            });
        }
        return items;
    }
}
