package eu.aiskills.academy.labs.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.aiskills.academy.enrolment.GradeSource;
import eu.aiskills.academy.identity.AccountId;
import org.springframework.stereotype.Component;

/** Graded labs' results for the gradebook: per learner and lesson, the best submission's score and how many were graded. */
@Component
class LabGrades implements GradeSource {

    private final LabSessionStore sessions;

    LabGrades(LabSessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<Result> results(String courseSlug, Collection<AccountId> learners) {
        Set<AccountId> wanted = new HashSet<>(learners);
        return sessions.grades(courseSlug).stream().filter(grade -> wanted.contains(grade.learner()))
                .map(grade -> new Result(grade.learner(), grade.lessonSlug(), "Lab", grade.best(), grade.submissions(), false,
                        grade.lastAt(), false))
                .toList();
    }
}
