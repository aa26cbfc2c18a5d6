package eu.aiskills.academy.assessment.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.assessment.QuizRules;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.RecordDialog;
import eu.aiskills.academy.shared.ui.RecordRowsField;

/**
 * One question of a quiz, written in a form that changes with its kind (as Moodle's question
 * editor does): the options with the right ones ticked, true or false, a number and its
 * tolerance, accepted answers or a pattern, pairs to match, items in their right order. Done
 * checks it by the rules the quiz is saved with and hands it to the quiz editor.
 */
public class QuestionDialog extends RecordDialog<QuestionDialog.Form> {

    static final List<String> KINDS = List.of("single", "multiple", "true-false", "numeric", "text", "matching", "ordering");

    /** A choice as the form edits it. */
    public record OptionRow(String text, boolean correct, String feedback) {
        public OptionRow {
            text = text == null ? "" : text;
        }
    }

    /** A pair to match as the form edits it. */
    public record PairRow(String prompt, String match) {
        public PairRow {
            prompt = prompt == null ? "" : prompt;
            match = match == null ? "" : match;
        }
    }

    /** An item to put in order as the form edits it. */
    public record ItemRow(String text) {
        public ItemRow {
            text = text == null ? "" : text;
        }
    }

    /** Every field of every kind; the kind decides which count. */
    public record Form(String kind, String prompt, Integer points, String feedback, List<OptionRow> options, Boolean answer, BigDecimal number,
                BigDecimal tolerance, String accepted, String pattern, boolean caseSensitive, List<PairRow> pairs, List<ItemRow> items) {
        public Form {
            options = options == null ? List.of() : options;
            pairs = pairs == null ? List.of() : pairs;
            items = items == null ? List.of() : items;
        }
    }

    QuestionDialog(int number, Question question, String key, Consumer<Question> done) {
        super(Form.class, Map.of());
        setHeaderTitle(getTranslation(question == null ? "quiz.editor.new-question" : "quiz.editor.edit-question", number));
        setWidth("min(52rem, 96vw)");
        Select<String> kind = new Select<>();
        kind.setLabel(getTranslation("quiz.editor.kind"));
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> getTranslation(kindKey(k)));
        TextArea prompt = new TextArea(getTranslation("quiz.editor.prompt"));
        prompt.setMaxLength(QuizRules.PROMPT_MAX);
        prompt.setHelperText(getTranslation("authoring.markdown-help"));
        prompt.setRequired(true);
        prompt.setWidthFull();
        IntegerField points = new IntegerField(getTranslation("quiz.editor.points"));
        points.setMin(1);
        points.setMax(100);
        points.setStepButtonsVisible(true);
        TextArea feedback = new TextArea(getTranslation("quiz.editor.feedback"));
        feedback.setHelperText(getTranslation("quiz.editor.feedback-help"));
        feedback.setMaxLength(QuizRules.PROMPT_MAX);
        feedback.setWidthFull();

        RecordRowsField<OptionRow> options = new RecordRowsField<>(OptionRow.class, "quiz.editor.add-option", "quiz.editor.remove-option",
                () -> new OptionRow("", false, null), QuestionDialog::optionFields, row -> !row.text().isBlank());
        options.withRows("academy-option-row", "quiz.editor.option-group", row -> row.text().isBlank() ? "…" : row.text());
        options.setLabel(getTranslation("quiz.editor.options"));
        options.setHelperText(getTranslation("quiz.editor.options-help"));
        RadioButtonGroup<Boolean> answer = new RadioButtonGroup<>(getTranslation("quiz.editor.statement-is"));
        answer.setItems(Boolean.TRUE, Boolean.FALSE);
        answer.setItemLabelGenerator(b -> getTranslation(b ? "quiz.true" : "quiz.false"));
        BigDecimalField value = new BigDecimalField(getTranslation("quiz.editor.number"));
        BigDecimalField tolerance = new BigDecimalField(getTranslation("quiz.editor.tolerance"));
        tolerance.setHelperText(getTranslation("quiz.editor.tolerance-help"));
        TextArea accepted = new TextArea(getTranslation("quiz.editor.accepted"));
        accepted.setHelperText(getTranslation("quiz.editor.accepted-help"));
        accepted.setWidthFull();
        TextField pattern = new TextField(getTranslation("quiz.editor.pattern"));
        pattern.setHelperText(getTranslation("quiz.editor.pattern-help"));
        pattern.setMaxLength(500);
        Checkbox caseSensitive = new Checkbox(getTranslation("quiz.editor.case-sensitive"));
        RecordRowsField<PairRow> pairs = new RecordRowsField<>(PairRow.class, "quiz.editor.add-pair", "quiz.editor.remove-pair",
                () -> new PairRow("", ""), QuestionDialog::pairFields, row -> !row.prompt().isBlank() || !row.match().isBlank());
        pairs.withRows("academy-option-row", "quiz.editor.pair-group", row -> row.prompt().isBlank() ? "…" : row.prompt());
        pairs.setLabel(getTranslation("quiz.editor.pairs"));
        RecordRowsField<ItemRow> items = new RecordRowsField<>(ItemRow.class, "quiz.editor.add-item", "quiz.editor.remove-item",
                () -> new ItemRow(""), QuestionDialog::itemFields, row -> !row.text().isBlank());
        items.withRows("academy-option-row", "quiz.editor.item-group", row -> row.text().isBlank() ? "…" : row.text());
        items.setLabel(getTranslation("quiz.editor.items"));
        items.setHelperText(getTranslation("quiz.editor.items-help"));

        binder.forField(kind).bind("kind");
        binder.forField(prompt).withNullRepresentation("").bind("prompt");
        binder.forField(points).bind("points");
        binder.forField(feedback).withNullRepresentation("").bind("feedback");
        binder.forField(options).bind("options");
        binder.forField(answer).bind("answer");
        binder.forField(value).bind("number");
        binder.forField(tolerance).bind("tolerance");
        binder.forField(accepted).withNullRepresentation("").bind("accepted");
        binder.forField(pattern).withNullRepresentation("").bind("pattern");
        binder.forField(caseSensitive).bind("caseSensitive");
        binder.forField(pairs).bind("pairs");
        binder.forField(items).bind("items");

        Map<String, List<Component>> byKind = Map.of("single", List.of(options), "multiple", List.of(options), "true-false", List.of(answer),
                "numeric", List.of(value, tolerance), "text", List.of(accepted, pattern, caseSensitive), "matching", List.of(pairs),
                "ordering", List.of(items));
        kind.addValueChangeListener(change -> byKind.values().stream().flatMap(List::stream).forEach(c -> c.setVisible(
                byKind.getOrDefault(change.getValue(), List.of()).contains(c))));
        FormLayout head = new FormLayout(kind, points);
        add(head, prompt, options, answer, value, tolerance, accepted, pattern, caseSensitive, pairs, items, feedback);
        binder.readRecord(question == null ? new Form("single", "", 1, null, List.of(new OptionRow("", true, null), new OptionRow("", false, null)),
                null, null, null, null, null, false, List.of(new PairRow("", ""), new PairRow("", "")), List.of(new ItemRow(""), new ItemRow("")))
                : form(question));
        addFooter("quiz.editor.question-done", form -> done.accept(question(number, key, form)), () -> { });
    }

    private static List<Component> optionFields(RecordBinder<OptionRow> binder) {
        UI ui = UI.getCurrent();
        TextField text = new TextField(ui.getTranslation("quiz.editor.option"));
        text.setMaxLength(1000);
        Checkbox correct = new Checkbox(ui.getTranslation("quiz.editor.correct"));
        TextField feedback = new TextField(ui.getTranslation("quiz.editor.option-feedback"));
        feedback.setMaxLength(1000);
        binder.forField(text).withNullRepresentation("").bind("text");
        binder.forField(correct).bind("correct");
        binder.forField(feedback).withNullRepresentation("").bind("feedback");
        return List.of(text, correct, feedback);
    }

    private static List<Component> pairFields(RecordBinder<PairRow> binder) {
        UI ui = UI.getCurrent();
        TextField prompt = new TextField(ui.getTranslation("quiz.editor.pair-prompt"));
        prompt.setMaxLength(1000);
        TextField match = new TextField(ui.getTranslation("quiz.editor.pair-match"));
        match.setMaxLength(1000);
        binder.forField(prompt).withNullRepresentation("").bind("prompt");
        binder.forField(match).withNullRepresentation("").bind("match");
        return List.of(prompt, match);
    }

    private static List<Component> itemFields(RecordBinder<ItemRow> binder) {
        TextField text = new TextField(UI.getCurrent().getTranslation("quiz.editor.item"));
        text.setMaxLength(1000);
        binder.forField(text).withNullRepresentation("").bind("text");
        return List.of(text);
    }

    static String kindKey(String kind) {
        return switch (kind) {
            case "single" -> "quiz.kind.single";
            case "multiple" -> "quiz.kind.multiple";
            case "true-false" -> "quiz.kind.true-false";
            case "numeric" -> "quiz.kind.numeric";
            case "text" -> "quiz.kind.text";
            case "matching" -> "quiz.kind.matching";
            default -> "quiz.kind.ordering";
        };
    }

    /** The question the form describes, checked as question {@code number} of the quiz; refused on the field to fix. */
    static Question question(int number, String key, Form form) {
        int points = form.points() == null ? 0 : form.points();
        String prompt = form.prompt() == null ? "" : form.prompt().strip();
        String feedback = form.feedback() == null || form.feedback().isBlank() ? null : form.feedback().strip();
        Question question;
        try {
            question = switch (form.kind() == null ? "" : form.kind()) {
                case "single" -> new Question.SingleChoice(key, prompt, points, feedback, options(form));
                case "multiple" -> new Question.MultipleChoice(key, prompt, points, feedback, options(form));
                case "true-false" -> new Question.TrueFalse(key, prompt, points, feedback, form.answer());
                case "numeric" -> new Question.Numeric(key, prompt, points, feedback, form.number(), form.tolerance());
                case "text" -> new Question.ShortText(key, prompt, points, feedback, form.accepted() == null ? List.of()
                        : Arrays.stream(form.accepted().split("\\R")).map(String::strip).filter(a -> !a.isEmpty()).toList(),
                        form.pattern() == null || form.pattern().isBlank() ? null : form.pattern().strip(), form.caseSensitive());
                case "matching" -> new Question.Matching(key, prompt, points, feedback, IntStream.range(0, form.pairs().size())
                        .mapToObj(i -> new Question.Pair("p" + (i + 1), form.pairs().get(i).prompt().strip(), form.pairs().get(i).match().strip()))
                        .toList());
                case "ordering" -> new Question.Ordering(key, prompt, points, feedback, IntStream.range(0, form.items().size())
                        .mapToObj(i -> new Question.Item("i" + (i + 1), form.items().get(i).text().strip())).toList());
                default -> throw UserFacingException.onField("kind", "quiz.editor.choose-kind");
            };
        } catch (IllegalArgumentException badPattern) {
            throw UserFacingException.onField("pattern", "quiz.problem.pattern");
        }
        List<QuizRules.Problem> problems = QuizRules.question(number, question);
        if (!problems.isEmpty()) {
            QuizRules.Problem first = problems.getFirst();
            throw UserFacingException.onField(field(first.key()), first.key(), first.arguments().toArray());
        }
        return question;
    }

    /** The form field a question's problem belongs to. */
    private static String field(String problem) {
        return switch (problem) {
            case "quiz.problem.prompt" -> "prompt";
            case "quiz.problem.points" -> "points";
            case "quiz.problem.true-false" -> "answer";
            case "quiz.problem.numeric" -> "number";
            case "quiz.problem.text" -> "accepted";
            case "quiz.problem.matching" -> "pairs";
            case "quiz.problem.ordering" -> "items";
            default -> "options";
        };
    }

    private static List<Question.Option> options(Form form) {
        List<Question.Option> options = new ArrayList<>();
        for (OptionRow row : form.options()) {
            options.add(new Question.Option(String.valueOf((char) ('a' + options.size())), row.text().strip(), row.correct(),
                    row.feedback() == null || row.feedback().isBlank() ? null : row.feedback().strip()));
        }
        return options;
    }

    /** The form of an existing question. */
    static Form form(Question question) {
        List<OptionRow> options = question.options().stream().map(o -> new OptionRow(o.text(), o.correct(), o.feedback())).toList();
        List<PairRow> pairs = question instanceof Question.Matching m ? m.pairs().stream().map(p -> new PairRow(p.prompt(), p.match())).toList()
                : List.of();
        List<ItemRow> items = question instanceof Question.Ordering o ? o.items().stream().map(i -> new ItemRow(i.text())).toList() : List.of();
        Boolean answer = question instanceof Question.TrueFalse t ? t.answer() : null;
        BigDecimal number = question instanceof Question.Numeric n ? n.answer() : null;
        BigDecimal tolerance = question instanceof Question.Numeric n ? n.tolerance() : null;
        String accepted = question instanceof Question.ShortText t ? String.join("\n", t.accepted()) : null;
        String pattern = question instanceof Question.ShortText t ? t.pattern() : null;
        boolean caseSensitive = question instanceof Question.ShortText t && t.caseSensitive();
        return new Form(Question.kind(question), question.prompt(), question.points(), question.feedback(), options, answer, number, tolerance,
                accepted, pattern, caseSensitive, pairs, items);
    }
}
