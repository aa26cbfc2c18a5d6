package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.catalogue.RunId;
import eu.aiskills.academy.enrolment.internal.EnrolmentEntity;
import eu.aiskills.academy.enrolment.internal.EnrolmentRecords;
import eu.aiskills.academy.enrolment.internal.LearnerCourses;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's gradebook: every learner with a seat × every assessed lesson (quiz, assignment, lab),
 * with the best score, the attempts, late work, whether it is done, and the course grade: the
 * weighted mean of the assessed lessons' best scores, a missing score counting 0 (as Open edX
 * does), by the weights the course gives its lessons. Instructors of the course and
 * administrators see the run's; a learner sees their own row.
 */
@Service
public class Gradebook {

    private static final Set<EnrolmentStatus> SEATED = EnumSet.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED);

    private final EnrolmentRecords enrolments;
    private final LearnerCourses learnerCourses;
    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final List<GradeSource> sources;

    Gradebook(EnrolmentRecords enrolments, LearnerCourses learnerCourses, Catalogue catalogue, AccountManagement accounts,
              List<GradeSource> sources) {
        this.enrolments = enrolments;
        this.learnerCourses = learnerCourses;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.sources = sources;
    }

    /** An assessed lesson: a column of the gradebook, with its share of the course grade (0 to 1). */
    public record Item(String lessonSlug, String title, LessonCompletion kind, int weight, double share) {
    }

    /** A learner's result on an item; {@code best} null when nothing was graded yet. */
    public record Cell(BigDecimal best, int attempts, boolean late, boolean done, boolean awaitingGrade, Instant lastAt) {
        static final Cell EMPTY = new Cell(null, 0, false, false, false, null);
    }

    /** A learner's row: their results by lesson slug and the course grade (null when no lesson carries weight). */
    public record Row(EnrolmentId enrolment, AccountId learner, String name, EnrolmentStatus status, Map<String, Cell> cells,
                      BigDecimal courseGrade, Instant completedAt) {
        public Row {
            cells = Map.copyOf(cells);
        }

        public Cell cell(String lessonSlug) {
            return cells.getOrDefault(lessonSlug, Cell.EMPTY);
        }
    }

    public record Sheet(CourseRun run, List<Item> items, List<Row> rows) {
        public Sheet {
            items = List.copyOf(items);
            rows = List.copyOf(rows);
        }
    }

    /** The gradebook of a run, learners in order of arrival: for the course's instructors and administrators. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Sheet ofRun(RunId runId) {
        CourseRun run = catalogue.runs(List.of(runId)).get(runId);
        if (run == null) {
            throw new NotFoundException("enrolment.run-not-found");
        }
        if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(run.courseId())) {
            throw new AccessDeniedException("Only the course's instructors see its gradebook");
        }
        return sheet(run, enrolments.findByRunIdAndStatusInOrderByArrival(runId.value(), SEATED));
    }

    /** The signed-in learner's own row of the gradebook of their enrolment. */
    @SignedIn
    @Transactional(readOnly = true)
    public Sheet mine(EnrolmentId id) {
        EnrolmentEntity enrolment = enrolments.findById(id.value()).orElseThrow(() -> new NotFoundException("enrolment.not-found"));
        if (!CurrentUser.is(enrolment.learnerId())) {
            throw new AccessDeniedException("A learner sees only their own grades");
        }
        CourseRun run = catalogue.runs(List.of(enrolment.runId())).get(enrolment.runId());
        return sheet(run, SEATED.contains(enrolment.status()) ? List.of(enrolment) : List.of());
    }

    /** The run's gradebook as CSV (RFC 4180): one line per learner, score, attempts and late per item, then the course grade. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public String csv(RunId runId) {
        Sheet sheet = ofRun(runId);
        StringBuilder csv = new StringBuilder("name,status");
        for (Item item : sheet.items()) {
            csv.append(',').append(Csv.field(item.title() + " (score)")).append(',').append(Csv.field(item.title() + " (attempts)"))
                    .append(',').append(Csv.field(item.title() + " (late)")).append(',').append(Csv.field(item.title() + " (done)"));
        }
        csv.append(",course_grade,completed_at\r\n");
        for (Row row : sheet.rows()) {
            csv.append(Csv.field(row.name())).append(',').append(row.status().name());
            for (Item item : sheet.items()) {
                Cell cell = row.cell(item.lessonSlug());
                csv.append(',').append(cell.best() == null ? "" : cell.best().stripTrailingZeros().toPlainString())
                        .append(',').append(cell.attempts()).append(',').append(cell.late()).append(',').append(cell.done());
            }
            csv.append(',').append(row.courseGrade() == null ? "" : row.courseGrade().toPlainString())
                    .append(',').append(row.completedAt() == null ? "" : row.completedAt()).append("\r\n");
        }
        return csv.toString();
    }

    private Sheet sheet(CourseRun run, List<EnrolmentEntity> seated) {
        List<LessonSummary> lessons = catalogue.lessons(run.courseId()).stream().filter(LessonSummary::graded).toList();
        int totalWeight = lessons.stream().mapToInt(LessonSummary::weight).sum();
        List<Item> items = lessons.stream().map(l -> new Item(l.slug(), l.title(), l.completion(), l.weight(),
                totalWeight == 0 ? 0 : (double) l.weight() / totalWeight)).toList();
        Collection<AccountId> learners = seated.stream().map(EnrolmentEntity::learnerId).toList();
        Map<AccountId, Map<String, GradeSource.Result>> results = new HashMap<>();
        if (!learners.isEmpty() && !items.isEmpty()) {
            for (GradeSource source : sources) {
                for (GradeSource.Result result : SystemActor.call(() -> source.results(run.courseSlug(), learners))) {
                    results.computeIfAbsent(result.learner(), k -> new HashMap<>()).merge(result.lessonSlug(), result, Gradebook::better);
                }
            }
        }
        Map<UUID, Set<UUID>> done = learnerCourses.lessonsDone(seated);
        Map<AccountId, String> names = accounts.displayNames(learners);
        List<Row> rows = new ArrayList<>();
        for (EnrolmentEntity enrolment : seated) {
            Map<String, GradeSource.Result> mine = results.getOrDefault(enrolment.learnerId(), Map.of());
            Set<UUID> lessonsDone = done.getOrDefault(enrolment.id().value(), Set.of());
            Map<String, Cell> cells = new HashMap<>();
            BigDecimal weighted = BigDecimal.ZERO;
            for (LessonSummary lesson : lessons) {
                GradeSource.Result result = mine.get(lesson.slug());
                boolean lessonDone = lessonsDone.contains(lesson.id());
                Cell cell = result == null ? new Cell(null, 0, false, lessonDone, false, null)
                        : new Cell(result.best(), result.attempts(), result.late(), lessonDone, result.awaitingGrade(), result.lastAt());
                cells.put(lesson.slug(), cell);
                if (cell.best() != null) {
                    weighted = weighted.add(cell.best().multiply(BigDecimal.valueOf(lesson.weight())));
                }
            }
            BigDecimal grade = totalWeight == 0 ? null : weighted.divide(BigDecimal.valueOf(totalWeight), 1, RoundingMode.HALF_UP);
            rows.add(new Row(enrolment.id(), enrolment.learnerId(), names.getOrDefault(enrolment.learnerId(), "?"), enrolment.status(),
                    cells, grade, enrolment.completedAt()));
        }
        return new Sheet(run, items, rows);
    }

    /** Two sources' results for one lesson (two quizzes in it): the better score, the attempts of both. */
    private static GradeSource.Result better(GradeSource.Result a, GradeSource.Result b) {
        GradeSource.Result best = a.best() == null ? b : b.best() == null || a.best().compareTo(b.best()) >= 0 ? a : b;
        Instant last = a.lastAt() == null ? b.lastAt() : b.lastAt() == null || a.lastAt().isAfter(b.lastAt()) ? a.lastAt() : b.lastAt();
        return new GradeSource.Result(best.learner(), best.lessonSlug(), best.genre(), best.best(), a.attempts() + b.attempts(),
                a.late() || b.late(), last, a.awaitingGrade() || b.awaitingGrade());
    }
}
