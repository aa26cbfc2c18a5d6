package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;

/**
 * A participant's completed cohort of an apprenticeship, returnship or scholarship, as the
 * fellowships module hands it over for its credential: the programme's courses and every
 * co-signed hours entry with the lab work it cites ({@code evidence}, in words, may be null).
 * {@code scheme} is the scheme's name in English ("Apprenticeship", "Returnship", "Scholarship").
 */
public record CohortCompletion(UUID memberId, UUID cohortId, AccountId participant, String cohortName, String scheme,
                               List<String> courses, BigDecimal trainingHours, BigDecimal workHours, List<Hours> hours) {

    public CohortCompletion {
        courses = List.copyOf(courses);
        hours = List.copyOf(hours);
    }

    /** One co-signed entry of the ledger; {@code onTheJob} false for training hours. */
    public record Hours(boolean onTheJob, LocalDate workedOn, BigDecimal hours, String note, String cosignedBy, Instant cosignedAt,
                        String evidence) {
    }
}
