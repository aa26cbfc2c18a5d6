package eu.aiskills.academy.talent;

import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;

/**
 * What a candidate sends with an application.
 *
 * @param cv      one of the candidate's own CV documents, or {@code null}
 * @param answers one answer per question of the posting, in its order
 */
public record ApplicationDraft(UUID posting, String coverLetter, DocumentId cv, List<String> answers) {

    public static final int COVER_LETTER_MAX = 10_000;
    public static final int ANSWER_MAX = 2_000;

    public ApplicationDraft {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
