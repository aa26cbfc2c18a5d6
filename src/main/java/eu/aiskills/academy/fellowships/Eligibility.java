package eu.aiskills.academy.fellowships;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import eu.aiskills.academy.fellowships.ApplicantFacts.CareerBreak;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.fellowships.EligibilityReport.Outcome;

/**
 * Evaluates a call's eligibility rules against what an applicant declares, on the call's
 * reference day (the deadline's date in the call's time zone), and explains each verdict.
 *
 * <ul>
 *   <li>Months of residence: a month counts for a country when the applicant lived there on its
 *   15th; the window is the whole months before the reference day's month.</li>
 *   <li>"PhD within N years": the award day plus N years plus the days of declared career breaks
 *   between the award and the reference day (overlapping breaks counted once) must not be before
 *   the reference day.</li>
 * </ul>
 */
public final class Eligibility {

    /** The 27 member states (ISO 3166 codes). */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private Eligibility() {
    }

    public static EligibilityReport evaluate(EligibilityRules rules, ApplicantFacts facts, LocalDate reference,
                                             Collection<String> hostCountries) {
        List<Outcome> outcomes = new ArrayList<>();
        if (rules.nationality() != EligibilityRules.Nationality.ANY) {
            outcomes.add(nationality(rules.nationality(), facts.nationality()));
        }
        if (rules.outsideEuMonths() != null && rules.outsideEuWindow() != null) {
            int months = months(facts.residences(), reference, rules.outsideEuWindow(), country -> !EU.contains(country));
            outcomes.add(new Outcome("outside-eu", months >= rules.outsideEuMonths(),
                    months >= rules.outsideEuMonths() ? "fellowship.eligibility.outside-eu-ok" : "fellowship.eligibility.outside-eu-short",
                    List.of(months, rules.outsideEuMonths(), rules.outsideEuWindow())));
        }
        if (rules.careerStage() != EligibilityRules.CareerStage.ANY) {
            outcomes.add(careerStage(rules, facts, reference));
        }
        if (rules.mobilityMaxMonths() != null && rules.mobilityWindow() != null) {
            Set<String> countries = new LinkedHashSet<>(hostCountries);
            if (countries.isEmpty()) {
                outcomes.add(new Outcome("mobility", true, "fellowship.eligibility.mobility-later",
                        List.of(rules.mobilityMaxMonths(), rules.mobilityWindow())));
            }
            for (String country : countries) {
                int months = months(facts.residences(), reference, rules.mobilityWindow(), country::equals);
                boolean passed = months <= rules.mobilityMaxMonths();
                outcomes.add(new Outcome("mobility", passed, passed ? "fellowship.eligibility.mobility-ok" : "fellowship.eligibility.mobility-too-long",
                        List.of(country, months, rules.mobilityMaxMonths(), rules.mobilityWindow())));
            }
        }
        return new EligibilityReport(outcomes);
    }

    private static Outcome nationality(EligibilityRules.Nationality rule, String nationality) {
        if (nationality == null || nationality.isBlank()) {
            return new Outcome("nationality", false, "fellowship.eligibility.nationality-missing", List.of());
        }
        boolean eu = EU.contains(nationality);
        boolean passed = rule == EligibilityRules.Nationality.EU ? eu : !eu;
        String key = rule == EligibilityRules.Nationality.EU
                ? (passed ? "fellowship.eligibility.nationality-eu-ok" : "fellowship.eligibility.nationality-eu-only")
                : (passed ? "fellowship.eligibility.nationality-non-eu-ok" : "fellowship.eligibility.nationality-non-eu-only");
        return new Outcome("nationality", passed, key, List.of(nationality));
    }

    private static Outcome careerStage(EligibilityRules rules, ApplicantFacts facts, LocalDate reference) {
        boolean enrolledAllowed = rules.careerStage() == EligibilityRules.CareerStage.PHD_ENROLLED
                || rules.careerStage() == EligibilityRules.CareerStage.PHD_ENROLLED_OR_WITHIN_YEARS;
        boolean obtainedAllowed = rules.careerStage() == EligibilityRules.CareerStage.PHD_WITHIN_YEARS
                || rules.careerStage() == EligibilityRules.CareerStage.PHD_ENROLLED_OR_WITHIN_YEARS;
        if (facts.phd() == PhdStatus.ENROLLED && enrolledAllowed) {
            return new Outcome("career-stage", true, "fellowship.eligibility.phd-enrolled-ok", List.of());
        }
        if (facts.phd() == PhdStatus.OBTAINED && obtainedAllowed && rules.phdWithinYears() != null) {
            if (facts.phdDate() == null || facts.phdDate().isAfter(reference)) {
                return new Outcome("career-stage", false, "fellowship.eligibility.phd-date-needed", List.of());
            }
            long breakDays = breakDays(facts.careerBreaks(), facts.phdDate(), reference);
            LocalDate until = facts.phdDate().plusYears(rules.phdWithinYears()).plusDays(breakDays);
            boolean passed = !reference.isAfter(until);
            return new Outcome("career-stage", passed, passed ? "fellowship.eligibility.phd-within-ok" : "fellowship.eligibility.phd-too-long",
                    List.of(facts.phdDate(), rules.phdWithinYears(), breakDays, until));
        }
        String key = switch (rules.careerStage()) {
            case PHD_ENROLLED -> "fellowship.eligibility.phd-enrolled-only";
            case PHD_WITHIN_YEARS -> "fellowship.eligibility.phd-within-only";
            default -> "fellowship.eligibility.phd-enrolled-or-within-only";
        };
        return new Outcome("career-stage", false, key, List.of(rules.phdWithinYears() == null ? 0 : rules.phdWithinYears()));
    }

    /** Days of career breaks between {@code from} and {@code to}, overlapping breaks counted once. */
    static long breakDays(List<CareerBreak> breaks, LocalDate from, LocalDate to) {
        List<CareerBreak> sorted = breaks.stream().filter(b -> b.from() != null && b.to() != null && !b.to().isBefore(b.from()))
                .sorted(Comparator.comparing(CareerBreak::from)).toList();
        long days = 0;
        LocalDate covered = from;
        for (CareerBreak b : sorted) {
            LocalDate start = b.from().isBefore(covered) ? covered : b.from();
            LocalDate end = b.to().plusDays(1).isAfter(to) ? to : b.to().plusDays(1);
            if (end.isAfter(start)) {
                days += ChronoUnit.DAYS.between(start, end);
                covered = end;
            }
        }
        return days;
    }

    /** Whole months of the {@code window} months before {@code reference}'s month spent in a country {@code counts} accepts. */
    static int months(List<Residence> residences, LocalDate reference, int window, Predicate<String> counts) {
        YearMonth last = YearMonth.from(reference).minusMonths(1);
        int months = 0;
        for (int i = 0; i < window; i++) {
            LocalDate middle = last.minusMonths(i).atDay(15);
            boolean there = residences.stream().anyMatch(r -> r.country() != null && r.from() != null && !r.from().isAfter(middle)
                    && (r.to() == null || !r.to().isBefore(middle)) && counts.test(r.country()));
            if (there) {
                months++;
            }
        }
        return months;
    }
}
