package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A fellowship call as applicants, hosts, reviewers and administrators see it. */
public record FellowshipCall(FellowshipCallId id, String slug, String title, Scheme scheme, String summary, Instant opensAt, Instant closesAt,
                             ZoneId timeZone, BigDecimal budget, String currency, int fundedPlaces, int maxChoices, int scoreMax,
                             EligibilityRules rules, List<String> requiredDocuments, List<Criterion> criteria, CallStatus status,
                             Instant rankingReleasedAt) {

    public FellowshipCall {
        requiredDocuments = List.copyOf(requiredDocuments);
        criteria = List.copyOf(criteria);
    }

    /** Open for submissions at {@code now}: published, opened, and the deadline not reached. */
    public boolean openAt(Instant now) {
        return status == CallStatus.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** The day eligibility is judged on: the deadline's date where the call is run. */
    public LocalDate referenceDay() {
        return closesAt.atZone(timeZone).toLocalDate();
    }
}
