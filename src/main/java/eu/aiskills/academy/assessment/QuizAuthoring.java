package eu.aiskills.academy.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.assessment.internal.QuizStore;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseStatus;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Slugs;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instructors write a lesson's quiz in the course editor: its settings and its own question bank,
 * saved whole (settings and every question in one transaction, checked by the same rules as the
 * content files). What learners take does not change under them: a published course's quizzes
 * change only within a revision, which writes its own copy under the revision's address (starting
 * from the published quiz) that the reviewer sees side by side and publishes with the revision
 * ({@code internal.QuizRevisions}).
 */
@Service
public class QuizAuthoring {

    private static final Logger log = LoggerFactory.getLogger(QuizAuthoring.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QuizStore store;
    private final CourseAuthoring courses;
    private final Catalogue catalogue;
    private final TransactionTemplate transactions;
    private final Clock clock;

    QuizAuthoring(QuizStore store, CourseAuthoring courses, Catalogue catalogue, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.courses = courses;
        this.catalogue = catalogue;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The lesson whose quiz is written: {@code address}, where it is written (the course's own,
     * a revision's until it is published), {@code published}, the published course's address for
     * a revision (null otherwise), and titles.
     */
    public record Target(CourseId course, String address, String published, String courseTitle, String lessonSlug, String lessonTitle,
                         CourseStatus status) {

        public boolean revision() {
            return published != null;
        }
    }

    /** Where the quiz of a course's lesson is written, for the editor's heading; refused to anyone who does not teach the course. */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Target target(CourseId course, String lessonSlug) {
        if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(course)) {
            throw new AccessDeniedException("Not an instructor of course " + course.value());
        }
        AuthoredCourse authored = courses.authored(course);
        AuthoredCourse.Lesson lesson = authored.lessons().stream().filter(l -> l.slug().equals(lessonSlug)).findFirst()
                .orElseThrow(() -> new NotFoundException("quiz.authoring.no-lesson"));
        String published = authored.revision().isRevision() ? courses.authored(authored.revision().of()).slug() : null;
        return new Target(course, authored.slug(), published, authored.draft().title(), lessonSlug, lesson.draft().title(), authored.status());
    }

    /**
     * The lesson's quiz as it stands (for a revision without its own copy yet, the published
     * quiz, as the copy starts), or a new one with the usual settings and no questions yet.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public QuizDraft draft(CourseId course, String lessonSlug) {
        Target target = target(course, lessonSlug);
        return existing(target).or(() -> target.revision() ? quizAt(target.published(), lessonSlug) : Optional.empty()).map(row -> {
            Quiz quiz = row.quiz();
            return new QuizDraft(target.address(), lessonSlug, quiz.title(), quiz.passMark(), quiz.attemptsAllowed(),
                    quiz.timeLimit() == null ? null : Math.toIntExact(quiz.timeLimit().toMinutes()),
                    row.drawCount() >= QuizStore.DRAW_ALL ? null : row.drawCount(), quiz.shuffle(), quiz.showAnswers(),
                    store.questions(row.bank()), attempted(target, quiz));
        }).orElseGet(() -> new QuizDraft(target.address(), lessonSlug, target.lessonTitle(), BigDecimal.valueOf(70), 2, null, null, true,
                Quiz.ShowAnswers.AFTER_EACH, List.of(), 0));
    }

    /** The lesson's quiz once saved (what learners take, and its instructor tries). */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Optional<Quiz> existing(CourseId course, String lessonSlug) {
        return existing(target(course, lessonSlug)).map(QuizStore.QuizRow::quiz);
    }

    /**
     * Saves the lesson's quiz, settings and questions together; refused with what to fix (the
     * first problem, on its field), in review, and on a published course (its quizzes change
     * within a revision).
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    public Quiz save(CourseId course, String lessonSlug, QuizDraft draft) {
        Target target = target(course, lessonSlug);
        if (target.status() == CourseStatus.IN_REVIEW) {
            throw new UserFacingException("authoring.locked-in-review");
        }
        if (target.status() == CourseStatus.PUBLISHED || target.status() == CourseStatus.ARCHIVED) {
            throw new UserFacingException("quiz.authoring.published");
        }
        List<QuizRules.Problem> problems = new java.util.ArrayList<>(QuizRules.settings(draft.title(), draft.draw(), draft.passMark(),
                draft.attempts(), draft.timeLimitMinutes()));
        problems.addAll(QuizRules.questions(draft.questions()));
        if (draft.showAnswers() == null) {
            problems.add(new QuizRules.Problem("showAnswers", "quiz.problem.show-answers", List.of()));
        }
        if (!problems.isEmpty()) {
            QuizRules.Problem first = problems.getFirst();
            throw UserFacingException.onField(first.field(), first.key(), first.arguments().toArray());
        }
        String hash = "authored:" + ContentFiles.fingerprint(JSON.writeValueAsBytes(draft));
        try {
            String slug = transactions.execute(status -> write(target, draft, hash));
            log.info("Quiz {} of {} / {} saved by {} ({} questions)", slug, target.address(), lessonSlug, CurrentUser.requireId(),
                    draft.questions().size());
            return store.quiz(slug).orElseThrow().quiz();
        } catch (DataIntegrityViolationException savedConcurrently) {
            throw new UserFacingException("quiz.authoring.concurrent");
        }
    }

    private String write(Target target, QuizDraft draft, String hash) {
        Optional<QuizStore.QuizRow> existing = existing(target);
        String slug = existing.map(row -> row.quiz().slug()).orElseGet(() -> freeSlug(target));
        if (existing.isPresent()) {
            store.quizHash(slug); // locks the quiz's row: two saves of one quiz go one after the other
        }
        // The quiz's own bank, named after it (another course's bank of that name keeps its own).
        String bankSlug = store.bankCourse(slug).filter(owner -> !owner.equals(target.address())).isPresent()
                ? slug + "-" + ContentFiles.fingerprint(target.address().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8)
                : slug;
        UUID bank = store.writeBank(bankSlug, target.address(), draft.title().strip(), draft.questions(), hash, clock.instant());
        store.writeQuiz(new QuizStore.Settings(slug, draft.title().strip(), target.address(), target.lessonSlug(), bank,
                draft.draw() == null ? QuizStore.DRAW_ALL : draft.draw(), draft.shuffle(), draft.passMark(), draft.attempts(),
                draft.timeLimitMinutes(), draft.showAnswers()), hash, clock.instant());
        return slug;
    }

    /**
     * The submitted attempts at the published quiz a revision changes (they keep the questions
     * they presented; the revision's quiz is for new attempts); none for a course never published.
     */
    private int attempted(Target target, Quiz quiz) {
        return target.revision() ? quizAt(target.published(), target.lessonSlug()).map(row -> store.submittedAttempts(row.quiz().id()))
                .orElse(0) : 0;
    }

    private Optional<QuizStore.QuizRow> existing(Target target) {
        return quizAt(target.address(), target.lessonSlug());
    }

    private Optional<QuizStore.QuizRow> quizAt(String courseSlug, String lessonSlug) {
        return store.ofLesson(courseSlug, lessonSlug).stream().findFirst().flatMap(quiz -> store.quiz(quiz.slug()));
    }

    /** A new quiz's address: its lesson's, made unique if another course's quiz has it. */
    private String freeSlug(Target target) {
        String slug = Slugs.of(target.lessonSlug(), 70);
        return store.quiz(slug).isEmpty() ? slug : slug + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
