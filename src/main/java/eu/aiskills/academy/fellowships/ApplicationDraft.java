package eu.aiskills.academy.fellowships;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;

/**
 * What an applicant saves while preparing an application.
 *
 * @param choices   host offer ids, most wanted first
 * @param documents for each required document's name, the applicant's file
 */
public record ApplicationDraft(String proposal, ApplicantFacts facts, List<UUID> choices, Map<String, DocumentId> documents) {

    public static final int PROPOSAL_MAX = 30_000;

    public ApplicationDraft {
        facts = facts == null ? ApplicantFacts.empty() : facts;
        choices = choices == null ? List.of() : List.copyOf(choices);
        documents = documents == null ? Map.of() : Map.copyOf(documents);
    }
}
