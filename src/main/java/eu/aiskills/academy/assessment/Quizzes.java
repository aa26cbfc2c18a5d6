package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.aiskills.academy.assessment.internal.QuizStore;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Taking quizzes. A learner enrolled in the course (or its instructor, or an administrator,
 * trying it) starts an attempt, which draws its paper; answers are saved one by one as they are
 * given; the attempt is submitted once, by the learner or, for a timed quiz, by the server when
 * its deadline passes (whether or not a page is open: {@link #submitOverdue}). The server's clock
 * decides: an answer arriving after the deadline is not saved. A passed quiz completes its lesson
 * when the lesson is completed by its quiz.
 * <p>Long because starting, saving, submitting and the deadline share one guarded life of an
 * attempt that must not be split across services.
 */
@Service
public class Quizzes {

    private static final Logger log = LoggerFactory.getLogger(Quizzes.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Attempt.Marked>> MARKS = new TypeReference<>() {
    };
    private static final SecureRandom SEEDS = new SecureRandom();
    /** How many answers one attempt holds at most (a client sending keys the paper lacks is refused before). */
    static final int RESPONSE_ITEMS_MAX = 50;

    private final QuizStore store;
    private final Catalogue catalogue;
    private final Enrolments enrolments;
    private final LessonProgress progress;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Quizzes(QuizStore store, Catalogue catalogue, Enrolments enrolments, LessonProgress progress, TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
        this.progress = progress;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A quiz as a learner's overview shows it: their attempts, the one under way, how many are left, and whether they passed. */
    public record Overview(Quiz quiz, List<Past> attempts, Optional<AttemptId> open, int attemptsLeft, boolean passed) {
        public Overview {
            attempts = List.copyOf(attempts);
        }
    }

    /** A past attempt in the overview (score null while under way). */
    public record Past(AttemptId id, int number, Instant startedAt, Instant submittedAt, String submittedBy, BigDecimal score,
                       Boolean passed) {
    }

    /** The outcome of saving one answer: when it was saved, or that time was up (the attempt is then submitted as it stood). */
    public record Saved(Instant savedAt, boolean timeUp) {
    }

    /** The quizzes of a lesson (what the lesson page offers). */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Quiz> ofLesson(String courseSlug, String lessonSlug) {
        return store.ofLesson(courseSlug, lessonSlug);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Quiz> quiz(String slug) {
        return store.quiz(slug).map(QuizStore.QuizRow::quiz);
    }

    /** The signed-in learner's attempts at the quiz. */
    @SignedIn
    @Transactional(readOnly = true)
    public Overview overview(String slug) {
        QuizStore.QuizRow quiz = require(slug);
        List<QuizStore.AttemptRow> attempts = store.attempts(quiz.quiz().id(), CurrentUser.requireId());
        List<Past> past = attempts.stream().map(a -> new Past(a.id(), a.number(), a.startedAt(), a.submittedAt(), a.submittedBy(),
                a.score(), a.passed())).toList();
        Optional<AttemptId> open = attempts.stream().filter(a -> !a.submitted()).map(QuizStore.AttemptRow::id).findFirst();
        return new Overview(quiz.quiz(), past, open, Math.max(0, quiz.quiz().attemptsAllowed() - attempts.size()),
                attempts.stream().anyMatch(a -> Boolean.TRUE.equals(a.passed())));
    }

    /**
     * Starts an attempt, or returns the one under way: refused with {@code quiz.no-attempts-left}
     * once the attempts allowed are used, and {@code quiz.not-enrolled} for someone without a
     * seat in the course. Two tabs starting at once get the same attempt: the unique attempt
     * number lets one insert win; a tab that lost (or that the database chose as a deadlock's
     * victim) starts again in a new transaction, which sees the winner's attempt.
     */
    @SignedIn
    public Attempt start(String slug) {
        for (int tries = 0; tries < 4; tries++) {
            try {
                Optional<Attempt> started = transactions.execute(status -> {
                    Optional<Attempt> attempt = startOnce(slug);
                    if (attempt.isEmpty()) {
                        status.setRollbackOnly();
                    }
                    return attempt;
                });
                if (started != null && started.isPresent()) {
                    return started.get();
                }
            } catch (org.springframework.dao.ConcurrencyFailureException lost) {
                log.debug("Quiz {}: a start lost a race ({}), starting again", slug, lost.getMessage());
            }
        }
        throw new UserFacingException("quiz.busy");
    }

    /** One try at starting: the attempt under way or a new one; empty when another tab's insert won. */
    private Optional<Attempt> startOnce(String slug) {
        QuizStore.QuizRow row = require(slug);
        Quiz quiz = row.quiz();
        requireMayTake(quiz);
        AccountId me = CurrentUser.requireId();
        List<QuizStore.AttemptRow> attempts = store.attempts(quiz.id(), me);
        Optional<QuizStore.AttemptRow> open = attempts.stream().filter(a -> !a.submitted()).findFirst();
        if (open.isPresent()) {
            return Optional.of(attempt(open.get().id()));
        }
        if (attempts.size() >= quiz.attemptsAllowed()) {
            throw new UserFacingException("quiz.no-attempts-left", quiz.attemptsAllowed());
        }
        List<Question> bank = store.questions(row.bank());
        if (bank.isEmpty()) {
            throw new UserFacingException("quiz.empty");
        }
        long seed = SEEDS.nextLong();
        Instant now = clock.instant();
        AttemptId id = AttemptId.random();
        if (!store.insert(id, quiz.id(), me, attempts.size() + 1, seed, Paper.draw(bank, quiz.questions(), quiz.shuffle(), seed), now,
                quiz.timed() ? now.plus(quiz.timeLimit()) : null)) {
            return Optional.empty();
        }
        log.info("Quiz {}: attempt {} started by {}", slug, attempts.size() + 1, me);
        return Optional.of(attempt(id));
    }

    /** One of the signed-in learner's attempts; one whose deadline has passed is submitted first, as it stands. */
    @SignedIn
    @Transactional
    public Attempt attempt(AttemptId id) {
        QuizStore.AttemptRow row = own(id, false);
        QuizStore.QuizRow quiz = require(row.quizSlug());
        Optional<Graded> graded = Optional.empty();
        if (!row.submitted() && overdue(row)) {
            graded = store.lock(id).filter(locked -> !locked.submitted()).flatMap(locked -> finish(quiz, locked, "deadline"));
            row = store.attempt(id).orElseThrow();
        }
        Attempt attempt = view(quiz, row);
        report(graded);
        return attempt;
    }

    /**
     * Saves the answer to one question of an attempt under way. An answer after the deadline is
     * not saved: the attempt is submitted as it stood and {@link Saved#timeUp()} says so.
     * Refused with {@code quiz.submitted} once the attempt is submitted.
     */
    @SignedIn
    @Transactional
    public Saved save(AttemptId id, String questionKey, List<String> response) {
        QuizStore.AttemptRow row = own(id, true);
        if (row.submitted()) {
            throw new UserFacingException("quiz.submitted");
        }
        if (overdue(row)) {
            report(finish(require(row.quizSlug()), row, "deadline"));
            return new Saved(null, true);
        }
        if (row.paper().entries().stream().noneMatch(e -> e.question().key().equals(questionKey))) {
            throw new UserFacingException("quiz.no-such-question");
        }
        if (response == null || response.size() > RESPONSE_ITEMS_MAX
                || response.stream().anyMatch(r -> r == null || r.length() > Question.RESPONSE_MAX_CHARS)) {
            throw new UserFacingException("quiz.answer-too-long", Question.RESPONSE_MAX_CHARS);
        }
        Instant now = clock.instant();
        store.saveAnswer(id, questionKey, response, now);
        return new Saved(now, false);
    }

    /**
     * Submits an attempt as its answers stand and grades it, once: a second submission (a double
     * click, another tab, the deadline at the same moment) returns the same result.
     */
    @SignedIn
    @Transactional
    public Attempt submit(AttemptId id) {
        QuizStore.AttemptRow row = own(id, true);
        QuizStore.QuizRow quiz = require(row.quizSlug());
        Optional<Graded> graded = row.submitted() ? Optional.empty() : finish(quiz, row, overdue(row) ? "deadline" : "learner");
        Attempt attempt = view(quiz, graded.isPresent() ? store.attempt(id).orElseThrow() : row);
        report(graded);
        return attempt;
    }

    /**
     * Submits the attempts whose deadline has passed, as they stand (a learner who closed the tab
     * is graded on what was saved). Each in its own transaction; returns how many it submitted.
     */
    @RolesAllowed(Roles.SYSTEM)
    public int submitOverdue() {
        int submitted = 0;
        for (AttemptId id : store.overdue(clock.instant(), 200)) {
            Boolean done = transactions.execute(status -> {
                Optional<Graded> graded = store.lock(id).filter(row -> !row.submitted())
                        .flatMap(row -> finish(require(row.quizSlug()), row, "deadline"));
                report(graded);
                return graded.isPresent();
            });
            submitted += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return submitted;
    }

    /** A grading this call made: what the lesson's progress is told once the rest of the transaction is done. */
    private record Graded(Quiz quiz, AccountId learner, BigDecimal score, boolean passed) {
    }

    /** Grades the locked, unsubmitted attempt; empty when another call submitted it first. */
    private Optional<Graded> finish(QuizStore.QuizRow quiz, QuizStore.AttemptRow row, String by) {
        List<Attempt.Marked> marks = QuizMarking.mark(row.paper(), store.answers(row.id()));
        BigDecimal score = QuizMarking.score(marks);
        boolean passed = score.compareTo(quiz.quiz().passMark()) >= 0;
        Instant now = clock.instant();
        Instant at = "deadline".equals(by) && row.deadline() != null && row.deadline().isBefore(now) ? row.deadline() : now;
        if (!store.submit(row.id(), by, at, score, passed, JSON.writeValueAsString(marks))) {
            return Optional.empty();
        }
        log.info("Quiz {}: attempt {} of {} submitted by {}: {} ({})", row.quizSlug(), row.number(), row.learner(), by, score,
                passed ? "passed" : "not passed");
        return Optional.of(new Graded(quiz.quiz(), row.learner(), score, passed));
    }

    /**
     * Tells the lesson's progress, last in the transaction: recording a completion locks the run's
     * counter row, which every passing learner of the run waits for.
     */
    private void report(Optional<Graded> graded) {
        graded.ifPresent(g -> catalogue.publishedCourseId(g.quiz().courseSlug()).ifPresent(course -> SystemActor.call(
                () -> progress.recordResult(g.learner(), course, g.quiz().lessonSlug(), LessonCompletion.QUIZ, g.score(), g.passed()))));
    }

    private Attempt view(QuizStore.QuizRow quiz, QuizStore.AttemptRow row) {
        List<Attempt.Shown> shown = row.paper().entries().stream().map(QuizMarking::shown).toList();
        Attempt.Result result = null;
        if (row.submitted()) {
            List<Attempt.Marked> marks = JSON.readValue(row.results(), MARKS);
            boolean show = switch (quiz.quiz().showAnswers()) {
                case AFTER_EACH -> true;
                case AFTER_LAST -> Boolean.TRUE.equals(row.passed()) || store.attempts(quiz.quiz().id(), row.learner()).stream()
                        .filter(QuizStore.AttemptRow::submitted).count() >= quiz.quiz().attemptsAllowed();
                case NEVER -> false;
            };
            result = new Attempt.Result(row.score(), Boolean.TRUE.equals(row.passed()), row.submittedBy(), row.submittedAt(),
                    show ? marks : QuizMarking.withoutAnswers(marks), show);
        }
        Map<String, List<String>> answers = store.answers(row.id());
        return new Attempt(row.id(), row.quizSlug(), row.number(), row.startedAt(), row.deadline(), shown, answers, result);
    }

    private boolean overdue(QuizStore.AttemptRow row) {
        return row.deadline() != null && !clock.instant().isBefore(row.deadline());
    }

    /** The signed-in learner's own attempt, locked when {@code lock}; anyone else's is refused. */
    private QuizStore.AttemptRow own(AttemptId id, boolean lock) {
        QuizStore.AttemptRow row = (lock ? store.lock(id) : store.attempt(id)).orElseThrow(() -> new NotFoundException("quiz.attempt-not-found"));
        if (!CurrentUser.is(row.learner())) {
            throw new AccessDeniedException("Only the learner sees and answers their own attempt");
        }
        return row;
    }

    private void requireMayTake(Quiz quiz) {
        Optional<CourseDetail> published = catalogue.publishedCourse(quiz.courseSlug());
        if (published.isEmpty()) {
            // A course not yet published: its instructors (and administrators) try its quizzes.
            if (CurrentUser.hasRole(Roles.ADMIN) || CurrentUser.hasRole(Roles.INSTRUCTOR) && catalogue.taughtCourses().stream()
                    .anyMatch(c -> c.summary().slug().equals(quiz.courseSlug()))) {
                return;
            }
            throw new NotFoundException("quiz.not-found");
        }
        CourseDetail course = published.get();
        if (CurrentUser.hasRole(Roles.ADMIN) || catalogue.teaches(course.summary().id())) {
            return;
        }
        if (enrolments.seatIn(course.summary().id()).isEmpty()) {
            throw new UserFacingException("quiz.not-enrolled", course.summary().title());
        }
    }

    private QuizStore.QuizRow require(String slug) {
        return store.quiz(slug).orElseThrow(() -> new NotFoundException("quiz.not-found"));
    }
}
