package eu.aiskills.academy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every question kind's scoring, and how marks add up to a score. */
class QuestionTest {

    private static final List<Question.Option> ABC = List.of(new Question.Option("a", "A", true, "Yes, A."),
            new Question.Option("b", "B", false, "Not B."), new Question.Option("c", "C", false, null));

    @Test
    void singleChoiceEarnsAllForTheCorrectOptionAndNothingElse() {
        Question.SingleChoice q = new Question.SingleChoice("s", "Pick", 2, null, ABC);
        assertThat(q.credit(List.of("a"))).isEqualTo(1);
        assertThat(q.credit(List.of("b"))).isZero();
        assertThat(q.credit(List.of())).isZero();
        assertThat(q.credit(List.of("a", "b"))).as("two answers to a single choice").isZero();
        assertThat(q.credit(List.of("z"))).isZero();
    }

    @Test
    void multipleChoiceGivesSharesAndTakesThemAwayForWrongChoices() {
        Question.MultipleChoice q = new Question.MultipleChoice("m", "Pick all", 4, null, List.of(
                new Question.Option("a", "A", true, null), new Question.Option("b", "B", true, null),
                new Question.Option("c", "C", false, null), new Question.Option("d", "D", false, null)));
        assertThat(q.credit(List.of("a", "b"))).isEqualTo(1);
        assertThat(q.credit(List.of("a"))).isEqualTo(0.5);
        assertThat(q.credit(List.of("a", "b", "c"))).isEqualTo(0.5);
        assertThat(q.credit(List.of("a", "b", "c", "d"))).as("choosing everything").isZero();
        assertThat(q.credit(List.of("c"))).as("never below zero").isZero();
        assertThat(q.credit(List.of())).isZero();
        assertThat(q.credit(List.of("a", "a"))).as("a key twice").isZero();
        assertThat(q.credit(List.of("a", "x"))).as("a key the question lacks").isZero();
    }

    @Test
    void trueFalse() {
        Question.TrueFalse q = new Question.TrueFalse("t", "The sky is green.", 1, null, false);
        assertThat(q.credit(List.of("false"))).isEqualTo(1);
        assertThat(q.credit(List.of("true"))).isZero();
        assertThat(q.credit(List.of("no"))).isZero();
    }

    @Test
    void numericWithinItsToleranceAcceptingADecimalComma() {
        Question.Numeric q = new Question.Numeric("n", "Pi?", 1, null, new BigDecimal("3.14"), new BigDecimal("0.01"));
        assertThat(q.credit(List.of("3.14"))).isEqualTo(1);
        assertThat(q.credit(List.of("3,15"))).as("decimal comma, at the tolerance's edge").isEqualTo(1);
        assertThat(q.credit(List.of(" 3.13 "))).isEqualTo(1);
        assertThat(q.credit(List.of("3.16"))).isZero();
        assertThat(q.credit(List.of("pi"))).isZero();
        assertThat(q.credit(List.of("1e999999999"))).isZero();
        assertThat(new Question.Numeric("y", "Year?", 1, null, new BigDecimal("2017"), null).credit(List.of("2017"))).isEqualTo(1);
        assertThat(new Question.Numeric("d", "Below zero?", 1, null, new BigDecimal("-2"), null).credit(List.of("\u22122"))).isEqualTo(1);
    }

    @Test
    void shortTextExactOrByPatternWithSpacesTidied() {
        Question.ShortText q = new Question.ShortText("x", "Name it", 1, null, List.of("gradient descent"), "(stochastic )?gradient descent",
                false);
        assertThat(q.credit(List.of("Gradient   Descent "))).isEqualTo(1);
        assertThat(q.credit(List.of("stochastic gradient descent"))).isEqualTo(1);
        assertThat(q.credit(List.of("descent"))).isZero();
        assertThat(q.credit(List.of("x".repeat(Question.RESPONSE_MAX_CHARS + 1)))).isZero();
        Question.ShortText strict = new Question.ShortText("y", "Symbol", 1, null, List.of("NaN"), null, true);
        assertThat(strict.credit(List.of("NaN"))).isEqualTo(1);
        assertThat(strict.credit(List.of("nan"))).isZero();
        assertThatThrownBy(() -> new Question.ShortText("z", "Bad", 1, null, List.of(), "(unclosed", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regular expression");
    }

    @Test
    void matchingEarnsAShareForEachRightPair() {
        Question.Matching q = new Question.Matching("p", "Match", 3, null, List.of(new Question.Pair("a", "A", "1"),
                new Question.Pair("b", "B", "2"), new Question.Pair("c", "C", "3")));
        assertThat(q.credit(List.of("a=a", "b=b", "c=c"))).isEqualTo(1);
        assertThat(q.credit(List.of("a=a", "b=c", "c=b"))).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(q.credit(List.of("a=a"))).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(q.credit(List.of("a=a", "a=a"))).as("one prompt matched twice").isZero();
        assertThat(q.credit(List.of("nonsense"))).isZero();
    }

    @Test
    void orderingEarnsAShareForEachItemInItsPlace() {
        Question.Ordering q = new Question.Ordering("o", "Order", 2, null, List.of(new Question.Item("1", "one"),
                new Question.Item("2", "two"), new Question.Item("3", "three"), new Question.Item("4", "four")));
        assertThat(q.credit(List.of("1", "2", "3", "4"))).isEqualTo(1);
        assertThat(q.credit(List.of("1", "2", "4", "3"))).isEqualTo(0.5);
        assertThat(q.credit(List.of("4", "3", "2", "1"))).isZero();
        assertThat(q.credit(List.of("1", "2", "3"))).as("an item missing").isZero();
        assertThat(q.credit(List.of("1", "1", "3", "4"))).as("an item twice").isZero();
    }

    @Test
    void marksAddUpToAScoreOutOfAHundredAndCarryFeedback() {
        Question.SingleChoice single = new Question.SingleChoice("s", "Pick", 2, "A is the one.", ABC);
        Question.TrueFalse tf = new Question.TrueFalse("t", "True?", 1, null, true);
        Question.Ordering order = new Question.Ordering("o", "Order", 3, null, List.of(new Question.Item("1", "one"),
                new Question.Item("2", "two"), new Question.Item("3", "three")));
        Paper paper = new Paper(List.of(new Paper.Entry(single, List.of("a", "b", "c")), new Paper.Entry(tf, List.of()),
                new Paper.Entry(order, List.of("3", "1", "2"))));
        List<Attempt.Marked> marks = QuizMarking.mark(paper, Map.of("s", List.of("b"), "o", List.of("1", "3", "2")));
        assertThat(marks).extracting(Attempt.Marked::earned).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(marks.getFirst().feedback()).containsExactly("Not B.", "A is the one.");
        assertThat(marks.getFirst().rightAnswer()).isEqualTo("A");
        assertThat(marks.get(2).rightAnswer()).isEqualTo("one → two → three");
        assertThat(QuizMarking.score(marks)).isEqualByComparingTo("16.67");
        assertThat(QuizMarking.withoutAnswers(marks)).allSatisfy(m -> {
            assertThat(m.feedback()).isEmpty();
            assertThat(m.rightAnswer()).isNull();
        });
        List<Attempt.Marked> full = QuizMarking.mark(paper, Map.of("s", List.of("a"), "t", List.of("true"), "o", List.of("1", "2", "3")));
        assertThat(QuizMarking.score(full)).isEqualByComparingTo("100");
    }

    @Test
    void aLearnerSeesNoAnswerInWhatTheQuestionShows() {
        Question.Matching q = new Question.Matching("p", "Match", 2, "General.", List.of(new Question.Pair("a", "Left A", "Right A"),
                new Question.Pair("b", "Left B", "Right B")));
        Attempt.Shown shown = QuizMarking.shown(new Paper.Entry(q, List.of("b", "a")));
        assertThat(shown.kind()).isEqualTo("matching");
        assertThat(shown.prompts()).extracting(Attempt.Choice::text).containsExactly("Left A", "Left B");
        assertThat(shown.choices()).extracting(Attempt.Choice::text).containsExactly("Right B", "Right A");
        Attempt.Shown single = QuizMarking.shown(new Paper.Entry(new Question.SingleChoice("s", "Pick", 1, null, ABC), List.of("c", "a", "b")));
        assertThat(single.choices()).extracting(Attempt.Choice::key).containsExactly("c", "a", "b");
        assertThat(single.toString()).doesNotContain("true").doesNotContain("Yes, A.");
    }
}
