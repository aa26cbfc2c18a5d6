package eu.aiskills.academy.fellowships;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.identity.AccountId;

/**
 * An application to a call.
 *
 * @param choices   host offers in the applicant's order of preference (at most the call's maximum)
 * @param documents the required documents, each one of the applicant's files
 * @param receipt   once submitted: the SHA-256 of what was submitted, as the receipt's number
 */
public record FellowshipApplication(FellowshipApplicationId id, FellowshipCallId callId, AccountId applicant, String applicantName, Status status, String proposal,
                                    ApplicantFacts facts, List<UUID> choices, List<Attached> documents, Instant submittedAt,
                                    String receipt, Instant updatedAt) {

    public enum Status {
        DRAFT, SUBMITTED, WITHDRAWN;

        public String messageKey() {
            return "fellowship.application-status." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A required document and the file that answers it. */
    public record Attached(String name, DocumentId document, String fileName) {
    }

    public FellowshipApplication {
        choices = List.copyOf(choices);
        documents = List.copyOf(documents);
    }
}
