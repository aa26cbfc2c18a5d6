package eu.aiskills.academy.talent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;

/**
 * An application as its candidate and the posting's employer team see it.
 *
 * @param profile  the profile as it was when the candidate applied
 * @param reason   why it was rejected, when the employer gave a reason for the candidate
 */
public record JobApplication(UUID id, UUID postingId, String postingTitle, String organisationName, AccountId candidate,
                             String candidateName, ApplicationStatus status, String coverLetter, String cvFileName,
                             List<Answer> answers, ProfileSnapshot profile, String reason, Instant submittedAt, Instant updatedAt) {

    public record Answer(String question, String answer) {
    }

    /** The parts of a profile an application carries. */
    public record ProfileSnapshot(String headline, String experience, String education, String country, String city,
                                  List<String> languages, List<CandidateSkill> skills) {
    }

    public boolean hasCv() {
        return cvFileName != null;
    }
}
