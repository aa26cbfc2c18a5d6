package eu.aiskills.academy.assessment.internal;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentUse;
import org.springframework.stereotype.Component;

/** Files handed in for an assignment stay as they were handed in: their owner cannot delete them. */
@Component
class AssignmentFiles implements DocumentUse {

    private final AssignmentStore store;

    AssignmentFiles(AssignmentStore store) {
        this.store = store;
    }

    @Override
    public boolean keeps(DocumentId document) {
        return store.holds(document);
    }

    @Override
    public String messageKey() {
        return "assignment.file-kept";
    }
}
