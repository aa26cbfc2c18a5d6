package eu.aiskills.academy.fellowships;

import java.util.List;

/** Each rule's verdict with the reason, as the applicant reads it before submitting. */
public record EligibilityReport(List<Outcome> outcomes) {

    /**
     * @param rule       which rule ("nationality", "outside-eu", "career-stage", "mobility")
     * @param messageKey the explanation, with {@code arguments}
     */
    public record Outcome(String rule, boolean passed, String messageKey, List<Object> arguments) {

        public Outcome {
            arguments = List.copyOf(arguments);
        }
    }

    public EligibilityReport {
        outcomes = List.copyOf(outcomes);
    }

    public boolean eligible() {
        return outcomes.stream().allMatch(Outcome::passed);
    }
}
