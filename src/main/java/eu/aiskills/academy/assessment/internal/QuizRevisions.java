package eu.aiskills.academy.assessment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.Quiz;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseChange;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.catalogue.RevisionParts;
import org.springframework.stereotype.Component;

/**
 * A revision's quizzes: written under the revision's address while it is open (learners keep
 * taking the published ones), shown to the reviewer as text side by side with the published
 * quiz of the same lesson, and published with the revision: the published quiz keeps its address
 * (links and past attempts stay) and takes the revision's settings and questions; a new lesson's
 * quiz moves to the published course. Discarding the revision deletes its quizzes.
 */
@Component
class QuizRevisions implements RevisionParts {

    private final QuizStore store;
    private final Catalogue catalogue;
    private final Clock clock;

    QuizRevisions(QuizStore store, Catalogue catalogue, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public List<CourseChange> changes(String publishedSlug, String revisionSlug) {
        List<CourseChange> changes = new ArrayList<>();
        List<LessonSummary> lessons = catalogue.publishedCourse(publishedSlug).map(c -> c.lessons()).orElse(List.of());
        for (Quiz revised : store.ofCourse(revisionSlug)) {
            QuizStore.QuizRow after = store.quiz(revised.slug()).orElseThrow();
            Optional<QuizStore.QuizRow> before = published(publishedSlug, revised.lessonSlug());
            String beforeText = before.map(this::text).orElse("");
            String afterText = text(after);
            if (!beforeText.equals(afterText)) {
                String lesson = lessons.stream().filter(l -> l.slug().equals(revised.lessonSlug())).map(LessonSummary::title).findFirst()
                        .orElse(revised.title());
                changes.add(CourseChange.ofText("quiz", lesson, beforeText, afterText));
            }
        }
        return changes;
    }

    @Override
    public void publish(String publishedSlug, String revisionSlug) {
        for (Quiz revised : store.ofCourse(revisionSlug)) {
            QuizStore.QuizRow row = store.quiz(revised.slug()).orElseThrow();
            Optional<QuizStore.QuizRow> live = published(publishedSlug, revised.lessonSlug());
            if (live.isEmpty()) {
                store.moveQuiz(revised.id(), row.bank(), publishedSlug, clock.instant());
                continue;
            }
            Quiz quiz = live.get().quiz();
            store.moveQuiz(revised.id(), row.bank(), publishedSlug, clock.instant()); // its bank now belongs to the published course
            // The published quiz keeps its address and id (attempts refer to it) and takes the revision's settings and bank.
            store.writeQuiz(new QuizStore.Settings(quiz.slug(), revised.title(), publishedSlug, quiz.lessonSlug(), row.bank(), row.drawCount(),
                    revised.shuffle(), revised.passMark(), revised.attemptsAllowed(),
                    revised.timeLimit() == null ? null : Math.toIntExact(revised.timeLimit().toMinutes()), revised.showAnswers()),
                    "revision:" + revisionSlug, clock.instant());
            store.deleteQuiz(revised.id(), row.bank());
            store.deleteBankIfUnused(live.get().bank());
        }
    }

    @Override
    public void discard(String revisionSlug) {
        for (Quiz revised : store.ofCourse(revisionSlug)) {
            store.deleteQuiz(revised.id(), store.quiz(revised.slug()).orElseThrow().bank());
        }
    }

    private Optional<QuizStore.QuizRow> published(String publishedSlug, String lessonSlug) {
        return store.ofLesson(publishedSlug, lessonSlug).stream().findFirst().flatMap(q -> store.quiz(q.slug()));
    }

    /** The quiz written out, a line per setting and per question (with its answer), for the reviewer's side-by-side view. */
    private String text(QuizStore.QuizRow row) {
        Quiz quiz = row.quiz();
        StringBuilder text = new StringBuilder();
        text.append("Title: ").append(quiz.title()).append('\n')
                .append("Pass mark: ").append(quiz.passMark().stripTrailingZeros().toPlainString()).append(" %\n")
                .append("Attempts allowed: ").append(quiz.attemptsAllowed()).append('\n')
                .append("Time limit: ").append(quiz.timeLimit() == null ? "none" : quiz.timeLimit().toMinutes() + " minutes").append('\n')
                .append("Questions per attempt: ").append(row.drawCount() >= QuizStore.DRAW_ALL ? "all" : row.drawCount()).append('\n')
                .append("Shuffled: ").append(quiz.shuffle() ? "yes" : "no").append('\n')
                .append("Answers shown: ").append(quiz.showAnswers().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append('\n');
        int number = 0;
        for (Question question : store.questions(row.bank())) {
            text.append(++number).append(". [").append(Question.kind(question)).append(", ").append(question.points()).append(" points] ")
                    .append(question.prompt().replace('\n', ' ')).append('\n');
            switch (question) {
                case Question.SingleChoice q -> q.options().forEach(o -> text.append(o.correct() ? "   (right) " : "   ( ) ").append(o.text()).append('\n'));
                case Question.MultipleChoice q -> q.options().forEach(o -> text.append(o.correct() ? "   [right] " : "   [ ] ").append(o.text()).append('\n'));
                case Question.TrueFalse q -> text.append("   answer: ").append(q.answer()).append('\n');
                case Question.Numeric q -> text.append("   answer: ").append(q.answer().toPlainString()).append(" ± ")
                        .append(q.tolerance().toPlainString()).append('\n');
                case Question.ShortText q -> text.append("   accepted: ").append(String.join(" | ", q.accepted()))
                        .append(q.pattern() == null ? "" : " | pattern " + q.pattern()).append('\n');
                case Question.Matching q -> q.pairs().forEach(p -> text.append("   ").append(p.prompt()).append(" → ").append(p.match()).append('\n'));
                case Question.Ordering q -> q.items().forEach(i -> text.append("   ").append(i.text()).append('\n'));
            }
        }
        return text.toString();
    }
}
