package eu.aiskills.academy.fellowships;

/**
 * A call's eligibility rules, as data. A rule left null (or ANY) does not apply.
 *
 * @param outsideEuMonths     lived outside the EU at least this many months…
 * @param outsideEuWindow     …of the last this many months before the deadline
 * @param phdWithinYears      for PHD_WITHIN_YEARS: the PhD obtained at most this many years before the
 *                            deadline, declared career breaks not counted
 * @param mobilityMaxMonths   lived in the host's country at most this many months…
 * @param mobilityWindow      …of the last this many months before the deadline (the mobility rule)
 */
public record EligibilityRules(Nationality nationality, Integer outsideEuMonths, Integer outsideEuWindow, CareerStage careerStage,
                               Integer phdWithinYears, Integer mobilityMaxMonths, Integer mobilityWindow) {

    public enum Nationality {
        ANY, EU, NON_EU
    }

    public enum CareerStage {
        ANY, PHD_ENROLLED, PHD_WITHIN_YEARS, PHD_ENROLLED_OR_WITHIN_YEARS
    }

    public EligibilityRules {
        nationality = nationality == null ? Nationality.ANY : nationality;
        careerStage = careerStage == null ? CareerStage.ANY : careerStage;
    }

    public static EligibilityRules none() {
        return new EligibilityRules(Nationality.ANY, null, null, CareerStage.ANY, null, null, null);
    }
}
