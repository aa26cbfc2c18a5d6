package eu.aiskills.academy.enrolment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.LearnerCourse;
import org.springframework.stereotype.Component;

/**
 * Enrolments as their learners see them (the run, the place on the waitlist, the lessons done
 * against the course's lessons), built alike for enrolling, progress and a learner's list. The
 * services that call here have checked who is asking.
 */
@Component
public class LearnerCourses {

    private final EnrolmentRecords records;
    private final LessonProgressRecords progress;
    private final Catalogue catalogue;

    LearnerCourses(EnrolmentRecords records, LessonProgressRecords progress, Catalogue catalogue) {
        this.records = records;
        this.progress = progress;
        this.catalogue = catalogue;
    }

    /** The lessons done in each enrolment, by enrolment id, in one query. */
    public Map<UUID, Set<UUID>> lessonsDone(Collection<EnrolmentEntity> of) {
        Map<UUID, Set<UUID>> done = new HashMap<>();
        if (of.isEmpty()) {
            return done;
        }
        progress.findByEnrolments(of.stream().map(e -> e.id().value()).toList())
                .forEach(p -> done.computeIfAbsent(p.enrolmentId(), k -> new HashSet<>()).add(p.lessonId()));
        return done;
    }

    /** The learner's view of an enrolment. */
    public LearnerCourse view(EnrolmentEntity enrolment, CourseRun run, Set<UUID> done) {
        return view(enrolment, run, done, catalogue.lessons(enrolment.courseId()));
    }

    /** The learner's view of an enrolment, with the course's lessons when the caller has them already. */
    public LearnerCourse view(EnrolmentEntity enrolment, CourseRun run, Set<UUID> done, List<LessonSummary> lessons) {
        Integer place = enrolment.status() == EnrolmentStatus.WAITLISTED
                ? (int) records.waitingBefore(enrolment.runId().value(), enrolment.arrival()) + 1 : null;
        return new LearnerCourse(enrolment.id(), run, enrolment.status(), place, done, lessons.size(),
                (int) lessons.stream().filter(LessonSummary::required).count(), enrolment.requestedAt(),
                enrolment.completedAt());
    }
}
