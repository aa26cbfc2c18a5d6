package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.internal.GradingRun;
import eu.aiskills.academy.labs.internal.Ipynb;
import eu.aiskills.academy.labs.internal.LabAccess;
import eu.aiskills.academy.labs.internal.LabContentImport;
import eu.aiskills.academy.labs.internal.LabSessionStore;
import eu.aiskills.academy.labs.internal.LabTemplateStore;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading a lab: the learner's saved notebook runs from the top in a fresh sandbox, then the
 * lab's hidden checks ({@link GradingRun}); the score and feedback are recorded and reported to
 * the learner's enrolment, which completes the lesson at its pass score.
 */
@Service
public class LabGrading {

    private static final Logger log = LoggerFactory.getLogger(LabGrading.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Labs labs;
    private final LabSessionStore store;
    private final LabTemplateStore templates;
    private final LabAccess access;
    private final GradingRun runs;
    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final LessonProgress progress;
    private final Clock clock;

    LabGrading(Labs labs, LabSessionStore store, LabTemplateStore templates, LabAccess access, GradingRun runs, Catalogue catalogue, Enrolments enrolments, LessonProgress progress,
               Clock clock) {
        this.labs = labs;
        this.store = store;
        this.templates = templates;
        this.access = access;
        this.runs = runs;
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
     * run from the top, whether the lesson is now done, and whether the run was stopped at
     * {@link #TIME_LIMIT} (code that never finished).
     */
    public record Grade(BigDecimal score, List<CheckResult> checks, List<String> cellErrors, int revision, boolean lessonCompleted,
                        boolean timedOut) {
    }

    /** How far a submission's run is: {@code done} of {@code total} steps (code cells, then checks). */
    public record Progress(int done, int total) {
    }

    /** How long a submission may run, from its sandbox's start to its last check. */
    public static final java.time.Duration TIME_LIMIT = GradingRun.LIMIT;

    /** One submission: the revision graded and its score. */
    public record Submission(int revision, BigDecimal score, Instant submittedAt) {
    }

    private record Feedback(List<CheckResult> checks, List<String> cellErrors) {
    }

    /** Grades the signed-in learner's saved notebook of the lab. */
    @SignedIn
    public Grade submit(String slug) throws InterruptedException {
        return submit(slug, progress -> { });
    }

    /** Grades the signed-in learner's saved notebook of the lab, telling {@code onProgress} after each step. */
    @SignedIn
    public Grade submit(String slug, java.util.function.Consumer<Progress> onProgress) throws InterruptedException {
        LabTemplate lab = labs.require(slug);
        AccountId me = CurrentUser.requireId();
        access.requireMayUse(lab);
        if (!lab.graded()) {
            throw new UserFacingException("lab.not-graded");
        }
        LabNotebook notebook = labs.myNotebook(slug);
        GradingRun.Outcome outcome;
        try {
            outcome = runs.run(lab.kernel(), lab.memoryMb(), notebook.cells(),
                    List.of(JSON.readValue(templates.checks(lab.id()), LabContentImport.Check[].class)), TIME_LIMIT,
                    step -> onProgress.accept(new Progress(step.done(), step.total())));
        } catch (RuntimeException e) {
            if (e instanceof UserFacingException refusal) {
                throw refusal;
            }
            log.warn("Grading {} for {} failed: {}", slug, me, e.getMessage());
            throw new UserFacingException("lab.grading-failed", e.getMessage());
        }
        List<CheckResult> results = outcome.checks().stream().map(c -> new CheckResult(c.name(), c.points(), c.passed(), c.message()))
                .toList();
        List<String> cellErrors = outcome.cellErrors();
        BigDecimal score = outcome.score();
        int passed = (int) results.stream().filter(CheckResult::passed).count();
        store.submission(lab.id(), me, notebook.revision(), score, JSON.writeValueAsString(new Feedback(results, cellErrors)),
                clock.instant(), new LabSessionStore.Provenance(ContentFiles.fingerprint(Ipynb.write(notebook).getBytes(StandardCharsets.UTF_8)),
                        RAN_ON, outcome.environment(), 0, passed, results.size()));
        boolean completed = report(lab, me, score);
        log.info("Lab {} graded for {}: {} (revision {})", slug, me, score, notebook.revision());
        return new Grade(score, results, cellErrors, notebook.revision(), completed, outcome.timedOut());
    }

    /** Where graded runs happen: always a fresh local sandbox, without GPUs (GPU labs run their sessions on a factory). */
    static final String RAN_ON = "local sandbox of the platform (bubblewrap, no network), no GPU";

    /** The signed-in learner's submissions of a lab, newest first. */
    @SignedIn
    public List<Submission> submissions(String slug) {
        LabTemplate lab = labs.require(slug);
        return store.submissions(lab.id(), CurrentUser.requireId(), 20).stream()
                .map(row -> new Submission(row.revision(), row.score(), row.submittedAt())).toList();
    }

    /** The lesson's completion: the learner's active enrolment in a run of the lab's course records the score. */
    private boolean report(LabTemplate lab, AccountId learner, BigDecimal score) {
        CourseDetail course = catalogue.publishedCourse(lab.courseSlug()).orElse(null);
        if (course == null) {
            return false;
        }
        Optional<LessonSummary> lesson = course.lessons().stream().filter(l -> l.slug().equals(lab.lessonSlug())
                && l.completion() == LessonCompletion.LAB)
                .findFirst();
        Optional<LearnerCourse> enrolment = enrolments.seatIn(course.summary().id());
        if (lesson.isEmpty() || enrolment.isEmpty() || !learner.equals(CurrentUser.requireId())) {
            return false;
        }
        LearnerCourse after = SystemActor.call(() -> progress.recordLabScore(enrolment.get().id(), lesson.get().id(), score));
        return after.lessonsDone().contains(lesson.get().id());
    }
}
