package eu.aiskills.academy.enrolment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.internal.EnrolmentEntity;
import eu.aiskills.academy.enrolment.internal.EnrolmentRecords;
import eu.aiskills.academy.enrolment.internal.LearnerCourses;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A run's roster and waitlist with each learner's progress, for the course's instructors and administrators. */
@Service
public class Rosters {

    private final EnrolmentRecords enrolments;
    private final LearnerCourses learnerCourses;
    private final Catalogue catalogue;
    private final AccountManagement accounts;

    Rosters(EnrolmentRecords enrolments, LearnerCourses learnerCourses, Catalogue catalogue, AccountManagement accounts) {
        this.enrolments = enrolments;
        this.learnerCourses = learnerCourses;
        this.catalogue = catalogue;
        this.accounts = accounts;
    }

    /** The roster and waitlist of a run, for its instructors and administrators. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public List<RosterEntry> roster(RunId runId) {
        CourseRun run = catalogue.runs(List.of(runId)).get(runId);
        if (run == null) {
            throw new NotFoundException("enrolment.run-not-found");
        }
        if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(run.courseId())) {
            throw new AccessDeniedException("Only the course's instructors see its roster");
        }
        List<EnrolmentEntity> entries = enrolments.findByRunIdAndStatusInOrderByArrival(runId.value(),
                EnumSet.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.WAITLISTED));
        Map<UUID, Set<UUID>> done = learnerCourses.lessonsDone(entries);
        int lessonCount = catalogue.lessons(run.courseId()).size();
        Map<AccountId, String> names = accounts.displayNames(entries.stream().map(EnrolmentEntity::learnerId).toList());
        List<RosterEntry> roster = new ArrayList<>();
        int position = 0;
        for (EnrolmentEntity e : entries) {
            Integer place = e.status() == EnrolmentStatus.WAITLISTED ? ++position : null;
            roster.add(new RosterEntry(e.id(), e.learnerId(), names.getOrDefault(e.learnerId(), "?"), e.status(), place,
                    done.getOrDefault(e.id().value(), Set.of()).size(), lessonCount, e.requestedAt(), e.completedAt()));
        }
        return roster;
    }

    /** The roster as CSV (RFC 4180), for the run's instructors: one line per learner. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public String rosterCsv(RunId runId) {
        StringBuilder csv = new StringBuilder("name,status,waitlist_position,lessons_done,lessons,requested_at,completed_at\r\n");
        for (RosterEntry entry : roster(runId)) {
            csv.append(Csv.field(entry.name())).append(',')
                    .append(entry.status().name()).append(',')
                    .append(entry.waitlistPosition() == null ? "" : entry.waitlistPosition()).append(',')
                    .append(entry.lessonsDone()).append(',')
                    .append(entry.lessonCount()).append(',')
                    .append(entry.requestedAt()).append(',')
                    .append(entry.completedAt() == null ? "" : entry.completedAt()).append("\r\n");
        }
        return csv.toString();
    }
}
