package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A call as an administrator writes it. Opening and closing are wall-clock times in
 * {@code timeZone} (the deadline applicants read); the server compares instants.
 */
public record CallDraft(String slug, String title, Scheme scheme, String summary, LocalDateTime opens, LocalDateTime closes,
                        ZoneId timeZone, BigDecimal budget, String currency, int fundedPlaces, int maxChoices, int scoreMax,
                        EligibilityRules rules, List<String> requiredDocuments, List<Criterion> criteria) {

    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 20_000;
    public static final int SLUG_MAX = 80;
    /** An ISO 4217 currency code. */
    public static final int CURRENCY_LENGTH = 3;

    public CallDraft {
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        rules = rules == null ? EligibilityRules.none() : rules;
    }
}
