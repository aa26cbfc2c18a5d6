package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.internal.LabAccess;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.LabSessionStore;
import eu.aiskills.academy.labs.internal.LabTemplateStore;
import eu.aiskills.academy.labs.internal.kernel.Execution;
import eu.aiskills.academy.labs.internal.kernel.KernelOutput;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading a lab: the learner's saved notebook runs from the top in a fresh sandbox, then the
 * lab's hidden checks, all within {@link #GRADING_LIMIT}; the score and feedback are recorded and
 * reported to the learner's enrolment, which completes the lesson at its pass score. Two
 * submissions are graded at once; others wait their turn.
 */
@Service
public class LabGrading {

    private static final Logger log = LoggerFactory.getLogger(LabGrading.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long grading one submission may take, from the sandbox's start to the last check. */
    public static final Duration GRADING_LIMIT = Duration.ofMinutes(5);

    private final Labs labs;
    private final LabSessionStore store;
    private final LabTemplateStore templates;
    private final LabAccess access;
    private final LabRuntime runtime;
    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final LessonProgress progress;
    private final Clock clock;
    private final Semaphore gradingSlots = new Semaphore(2, true);

    LabGrading(Labs labs, LabSessionStore store, LabTemplateStore templates, LabAccess access, LabRuntime runtime, Catalogue catalogue, Enrolments enrolments, LessonProgress progress,
               Clock clock) {
        this.labs = labs;
        this.store = store;
        this.templates = templates;
        this.access = access;
        this.runtime = runtime;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.progress = progress;
        this.clock = clock;
    }

    /** One graded check's outcome. */
    public record CheckResult(String name, int points, boolean passed, String message) {
    }

    /**
     * A submission's outcome: score out of 100, each check, the learner's cells that failed when
     * run from the top, and whether the lesson is now done.
     */
    public record Grade(BigDecimal score, List<CheckResult> checks, List<String> cellErrors, int revision, boolean lessonCompleted) {
    }

    /** One submission: the revision graded and its score. */
    public record Submission(int revision, BigDecimal score, Instant submittedAt) {
    }

    private record Feedback(List<CheckResult> checks, List<String> cellErrors) {
    }

    /** Grades the signed-in learner's saved notebook of the lab. */
    @SignedIn
    public Grade submit(String slug) throws InterruptedException {
        LabTemplate lab = labs.require(slug);
        AccountId me = CurrentUser.requireId();
        access.requireMayUse(lab);
        if (!lab.graded()) {
            throw new UserFacingException("lab.not-graded");
        }
        LabNotebook notebook = labs.myNotebook(slug);
        if (!gradingSlots.tryAcquire(2, TimeUnit.MINUTES)) {
            throw new UserFacingException("lab.grading-busy");
        }
        UUID sandbox = UUID.randomUUID();
        List<CheckResult> results = new ArrayList<>();
        List<String> cellErrors = new ArrayList<>();
        try {
            Instant deadline = clock.instant().plus(GRADING_LIMIT);
            LabRuntime.Live live = runtime.launch(sandbox, lab.kernel(), lab.memoryMb());
            int number = 0;
            for (LabNotebook.Cell cell : notebook.cells()) {
                number++;
                if (cell.kind() != LabNotebook.Kind.CODE || cell.source().isBlank()) {
                    continue;
                }
                Execution run = within(live, cell.source(), deadline);
                if (!run.ok()) {
                    cellErrors.add(number + ": " + failure(run));
                }
            }
            for (JsonNode check : JSON.readTree(templates.checks(lab.id()))) {
                Execution run = within(live, check.path("code").asString(""), deadline);
                results.add(new CheckResult(check.path("name").asString(), check.path("points").asInt(0), run.ok(),
                        run.ok() ? null : failure(run)));
            }
        } catch (RuntimeException e) {
            log.warn("Grading {} for {} failed: {}", slug, me, e.getMessage());
            throw new UserFacingException("lab.grading-failed", e.getMessage());
        } finally {
            runtime.stop(sandbox);
            gradingSlots.release();
        }
        BigDecimal score = score(results);
        store.submission(lab.id(), me, notebook.revision(), score, JSON.writeValueAsString(new Feedback(results, cellErrors)),
                clock.instant());
        boolean completed = report(lab, me, score);
        log.info("Lab {} graded for {}: {} (revision {})", slug, me, score, notebook.revision());
        return new Grade(score, results, cellErrors, notebook.revision(), completed);
    }

    /** The signed-in learner's submissions of a lab, newest first. */
    @SignedIn
    public List<Submission> submissions(String slug) {
        LabTemplate lab = labs.require(slug);
        return store.submissions(lab.id(), CurrentUser.requireId(), 20).stream()
                .map(row -> new Submission(row.revision(), row.score(), row.submittedAt())).toList();
    }

    /** The points of the passed checks out of all points, as a score out of 100 with one decimal. */
    static BigDecimal score(List<CheckResult> results) {
        int total = results.stream().mapToInt(CheckResult::points).sum();
        int passed = results.stream().filter(CheckResult::passed).mapToInt(CheckResult::points).sum();
        return total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    /** Runs code with what is left of the deadline; a run that takes longer is interrupted and fails. */
    private static Execution within(LabRuntime.Live live, String code, Instant deadline) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return new Execution("timeout", 0, List.of());
        }
        CompletableFuture<Execution> running = live.kernel().execute(code, output -> { });
        try {
            return running.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            live.kernel().interrupt();
            return new Execution("timeout", 0, List.of());
        } catch (ExecutionException e) {
            return new Execution("dead", 0, List.of());
        }
    }

    private static String failure(Execution run) {
        return run.outputs().stream().filter(KernelOutput.Error.class::isInstance).map(KernelOutput.Error.class::cast)
                .map(error -> error.name() + (error.value().isBlank() ? "" : ": " + error.value())).findFirst()
                .orElse("timeout".equals(run.status()) ? "time limit reached" : "dead".equals(run.status()) ? "the kernel stopped" : run.status());
    }

    /** The lesson's completion: the learner's active enrolment in a run of the lab's course records the score. */
    private boolean report(LabTemplate lab, AccountId learner, BigDecimal score) {
        CourseDetail course = catalogue.publishedCourse(lab.courseSlug()).orElse(null);
        if (course == null) {
            return false;
        }
        Optional<LessonSummary> lesson = course.lessons().stream().filter(l -> l.slug().equals(lab.lessonSlug()) && l.graded())
                .findFirst();
        Optional<LearnerCourse> enrolment = enrolments.seatIn(course.summary().id());
        if (lesson.isEmpty() || enrolment.isEmpty() || !learner.equals(CurrentUser.requireId())) {
            return false;
        }
        LearnerCourse after = SystemActor.call(() -> progress.recordLabScore(enrolment.get().id(), lesson.get().id(), score));
        return after.lessonsDone().contains(lesson.get().id());
    }
}
