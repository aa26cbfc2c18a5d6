package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Programme;

/** When a programme counts as completed, and the credits a learner has towards it. */
public final class ProgrammeRules {

    private ProgrammeRules() {
    }

    /** ECTS credits of the programme's courses that are among {@code completedCourses}. */
    public static BigDecimal credits(Programme programme, Set<UUID> completedCourses) {
        return programme.courses().stream()
                .filter(part -> completedCourses.contains(part.courseId().value()) && part.ects() != null)
                .map(Programme.Part::ects)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every required course completed and the credits reaching the programme's total. */
    public static boolean complete(Programme programme, Set<UUID> completedCourses) {
        boolean required = programme.courses().stream().filter(Programme.Part::required)
                .allMatch(part -> completedCourses.contains(part.courseId().value()));
        return required && credits(programme, completedCourses).compareTo(programme.creditsTotal()) >= 0;
    }
}
