package eu.aiskills.academy.enrolment;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.aiskills.academy.enrolment.internal.CredentialEntity;
import eu.aiskills.academy.enrolment.internal.CredentialRecords;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The completion credential of an apprenticeship, returnship or scholarship cohort: an Open Badges
 * 3.0 credential like a course's, whose evidence lists every co-signed hours entry (when, how
 * many, what was done, who co-signed it and when) with the lab work it cites, and the programme's
 * courses. Issued once per participant (the subject key {@code cohort:<member>}).
 */
@Service
public class CohortCredentials {

    /** The evidence genre of co-signed hours: attested by a mentor, not assessed by the platform. */
    public static final String HOURS_GENRE = "Co-signed hours";

    private final Credentials credentials;
    private final CredentialRecords records;
    private final EnrolmentProperties properties;

    CohortCredentials(Credentials credentials, CredentialRecords records, EnrolmentProperties properties) {
        this.credentials = credentials;
        this.records = records;
        this.properties = properties;
    }

    /** Issues the participant's cohort credential, or returns the one issued already. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public CredentialSummary issue(CohortCompletion completion) {
        String subjectKey = subjectKey(completion);
        Optional<CredentialEntity> existing = records.findBySubjectKey(subjectKey);
        if (existing.isPresent()) {
            return existing.get().toSummary();
        }
        Map<String, Object> achievement = new LinkedHashMap<>();
        // Cohorts have no public page: the achievement is named by the cohort's id.
        achievement.put("id", "urn:uuid:" + completion.cohortId());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", completion.scheme().equals("Apprenticeship") ? "ApprenticeshipCertificate" : "CertificateOfCompletion");
        achievement.put("name", completion.scheme() + ": " + completion.cohortName());
        achievement.put("description", completion.scheme() + " of the AI Skills Academy, completed with its courses and its "
                + "co-signed training and on-the-job hours.");
        achievement.put("criteria", Map.of("narrative", "Completed the courses " + String.join(", ", completion.courses())
                + ", at least " + completion.trainingHours().stripTrailingZeros().toPlainString() + " hours of training and "
                + completion.workHours().stripTrailingZeros().toPlainString() + " hours on the job, each co-signed by the participant's mentor."));
        return credentials.issue(new CredentialEntity.Subject(subjectKey, CredentialKind.COHORT, completion.participant(),
                credentials.nameOf(completion.participant()), completion.scheme() + ": " + completion.cohortName(), null, null, null),
                achievement, null, evidence(completion));
    }

    /** The cohort credential of a participant, for them. */
    @SignedIn
    @Transactional(readOnly = true)
    public Optional<CredentialSummary> of(java.util.UUID memberId) {
        return records.findBySubjectKey("cohort:" + memberId).filter(c -> CurrentUser.is(c.learnerId()))
                .map(CredentialEntity::toSummary);
    }

    private static String subjectKey(CohortCompletion completion) {
        return "cohort:" + completion.memberId();
    }

    /** One evidence entry per co-signed hours entry, in the order they were worked. */
    private static List<Map<String, Object>> evidence(CohortCompletion completion) {
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (CohortCompletion.Hours entry : completion.hours()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", List.of("Evidence"));
            String hours = entry.hours().stripTrailingZeros().toPlainString();
            item.put("name", (entry.onTheJob() ? "On the job" : "Training") + ": " + hours + " h on " + entry.workedOn());
            item.put("genre", HOURS_GENRE);
            StringBuilder narrative = new StringBuilder(entry.note() == null || entry.note().isBlank() ? "" : entry.note().strip() + "\n\n");
            narrative.append("Co-signed by ").append(entry.cosignedBy()).append(" on ")
                    .append(entry.cosignedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append('.');
            if (entry.evidence() != null) {
                narrative.append("\n\nCites: ").append(entry.evidence());
            }
            item.put("narrative", narrative.toString());
            evidence.add(item);
        }
        return evidence;
    }
}
