package eu.aiskills.academy.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import eu.aiskills.academy.assessment.Assignment;
import eu.aiskills.academy.assessment.Submission;
import eu.aiskills.academy.enrolment.GradeSource;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Quizzes' and assignments' results for the gradebook: per learner and lesson, the best score of
 * the submitted attempts (of the graded or returned submissions), how many were made, late work
 * and a submission waiting for its grader.
 */
@Component
class AssessmentGrades implements GradeSource {

    private final JdbcTemplate jdbc;
    private final AssignmentStore assignments;

    AssessmentGrades(JdbcTemplate jdbc, AssignmentStore assignments) {
        this.jdbc = jdbc;
        this.assignments = assignments;
    }

    @Override
    public List<Result> results(String courseSlug, Collection<AccountId> learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        List<Result> results = new ArrayList<>(quizzes(courseSlug, learners));
        Map<String, String> lessonOf = new LinkedHashMap<>();
        for (Assignment assignment : assignments.ofCourse(courseSlug)) {
            lessonOf.put(assignment.slug(), assignment.lessonSlug());
        }
        Map<String, List<Submission>> byLearnerAndLesson = new LinkedHashMap<>();
        for (Submission submission : assignments.ofLearners(courseSlug, learners)) {
            byLearnerAndLesson.computeIfAbsent(submission.learner().value() + "|" + lessonOf.get(submission.assignmentSlug()),
                    k -> new ArrayList<>()).add(submission);
        }
        for (List<Submission> submissions : byLearnerAndLesson.values()) {
            Submission first = submissions.getFirst();
            BigDecimal best = submissions.stream().map(Submission::score).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            Submission last = submissions.stream().max(Comparator.comparing(Submission::submittedAt)).orElseThrow();
            results.add(new Result(first.learner(), lessonOf.get(first.assignmentSlug()), "Assignment", best, submissions.size(),
                    submissions.stream().anyMatch(Submission::late), last.submittedAt(), last.awaitingGrade()));
        }
        return results;
    }

    private List<Result> quizzes(String courseSlug, Collection<AccountId> learners) {
        String marks = Jdbc.placeholders(learners.size());
        List<Object> args = new ArrayList<>();
        args.add(courseSlug);
        learners.forEach(l -> args.add(l.value().toString()));
        return jdbc.query("SELECT a.learner_id, q.lesson_slug, MAX(a.score) AS best, COUNT(*) AS attempts, MAX(a.submitted_at) AS last_at"
                + " FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE q.course_slug = ? AND a.learner_id IN (" + marks + ")"
                + " GROUP BY a.learner_id, q.lesson_slug", (rs, n) -> new Result(new AccountId(UUID.fromString(rs.getString("learner_id"))),
                        rs.getString("lesson_slug"), "Quiz", rs.getBigDecimal("best"), rs.getInt("attempts"), false,
                        Jdbc.instant(rs, "last_at"), false), args.toArray());
    }
}
