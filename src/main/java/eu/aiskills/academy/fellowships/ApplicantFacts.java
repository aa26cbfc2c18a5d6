package eu.aiskills.academy.fellowships;

import java.time.LocalDate;
import java.util.List;

/**
 * What an applicant declares for eligibility.
 *
 * @param nationality ISO 3166 two-letter code
 * @param residences  where they lived, each from a day to a day (open-ended when {@code to} is null)
 * @param phdDate     for ENROLLED the day they enrolled, for OBTAINED the day the PhD was awarded
 * @param careerBreaks periods away from research or work (parental leave, illness, care), which do
 *                    not count towards "PhD obtained within N years"
 */
public record ApplicantFacts(String nationality, List<Residence> residences, PhdStatus phd, LocalDate phdDate,
                             List<CareerBreak> careerBreaks) {

    public static final int PERIODS_MAX = 30;
    /** Longest reason given for a career break. */
    public static final int BREAK_REASON_MAX = 200;

    public enum PhdStatus {
        NONE, ENROLLED, OBTAINED;

        public String messageKey() {
            return "fellowship.phd." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Residence(String country, LocalDate from, LocalDate to) {
    }

    public record CareerBreak(LocalDate from, LocalDate to, String reason) {
    }

    public ApplicantFacts {
        residences = residences == null ? List.of() : List.copyOf(residences);
        careerBreaks = careerBreaks == null ? List.of() : List.copyOf(careerBreaks);
        phd = phd == null ? PhdStatus.NONE : phd;
    }

    public static ApplicantFacts empty() {
        return new ApplicantFacts(null, List.of(), PhdStatus.NONE, null, List.of());
    }
}
