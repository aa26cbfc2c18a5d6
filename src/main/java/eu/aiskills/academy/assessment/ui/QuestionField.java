package eu.aiskills.academy.assessment.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.aiskills.academy.assessment.Attempt;
import eu.aiskills.academy.assessment.Question;
import eu.aiskills.academy.shared.ui.Views;

/**
 * One question of an attempt: its number, points and prompt, and the input its kind needs
 * (radio buttons, check boxes, a number or a text, one list per prompt to match, items moved up
 * and down). Every change is handed to {@code onChange} as the response the service takes; a
 * submitted attempt shows the same inputs read-only, with the question's mark and, when the quiz
 * shows them, its feedback and right answer.
 */
class QuestionField extends Div {

    private final Attempt.Shown question;
    private final Consumer<List<String>> onChange;
    private final boolean readOnly;

    QuestionField(int number, int of, Attempt.Shown question, List<String> answer, Consumer<List<String>> onChange, Attempt.Marked mark) {
        this.question = question;
        this.onChange = onChange;
        this.readOnly = mark != null;
        addClassName("academy-question");
        getElement().setAttribute("role", "group");
        String headingId = "question-" + question.key();
        H2 heading = new H2(getTranslation("quiz.question", number, of, question.points()));
        heading.setId(headingId);
        getElement().setAttribute("aria-labelledby", headingId);
        add(heading, Views.markdown(question.prompt()), input(answer == null ? List.of() : answer));
        if (mark != null) {
            add(marked(mark));
        }
    }

    private Component input(List<String> answer) {
        return switch (question.kind()) {
            case "single" -> single(answer);
            case "true-false" -> trueFalse(answer);
            case "multiple" -> multiple(answer);
            case "numeric", "text" -> text(answer);
            case "matching" -> matching(answer);
            case "ordering" -> ordering(answer);
            default -> new Paragraph(question.kind());
        };
    }

    private Component single(List<String> answer) {
        RadioButtonGroup<Attempt.Choice> group = new RadioButtonGroup<>(getTranslation("quiz.your-answer"));
        group.setItems(question.choices());
        group.setItemLabelGenerator(Attempt.Choice::text);
        question.choices().stream().filter(c -> answer.contains(c.key())).findFirst().ifPresent(group::setValue);
        group.setReadOnly(readOnly);
        group.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChange.accept(List.of(e.getValue().key()));
            }
        });
        return group;
    }

    private Component trueFalse(List<String> answer) {
        RadioButtonGroup<String> group = new RadioButtonGroup<>(getTranslation("quiz.your-answer"));
        group.setItems("true", "false");
        group.setItemLabelGenerator(value -> getTranslation("quiz." + value));
        answer.stream().filter(a -> a.equals("true") || a.equals("false")).findFirst().ifPresent(group::setValue);
        group.setReadOnly(readOnly);
        group.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChange.accept(List.of(e.getValue()));
            }
        });
        return group;
    }

    private Component multiple(List<String> answer) {
        CheckboxGroup<Attempt.Choice> group = new CheckboxGroup<>(getTranslation("quiz.choose-all"));
        group.setItems(question.choices());
        group.setItemLabelGenerator(Attempt.Choice::text);
        group.setValue(new LinkedHashSet<>(question.choices().stream().filter(c -> answer.contains(c.key())).toList()));
        group.setReadOnly(readOnly);
        group.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(question.choices().stream().filter(e.getValue()::contains).map(Attempt.Choice::key).toList());
            }
        });
        return group;
    }

    private Component text(List<String> answer) {
        boolean numeric = question.kind().equals("numeric");
        TextField field = new TextField(getTranslation(numeric ? "quiz.number" : "quiz.your-answer"));
        field.setMaxLength(Question.RESPONSE_MAX_CHARS);
        if (numeric) {
            field.getElement().setAttribute("inputmode", "decimal");
            field.setHelperText(getTranslation("quiz.number-help"));
        }
        field.setValue(answer.isEmpty() ? "" : answer.getFirst());
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(700);
        field.setReadOnly(readOnly);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(List.of(e.getValue()));
            }
        });
        return field;
    }

    private Component matching(List<String> answer) {
        Div lists = new Div();
        lists.addClassName("academy-matching");
        Map<String, String> chosen = new java.util.LinkedHashMap<>();
        answer.forEach(a -> {
            String[] parts = a.split("=", 2);
            if (parts.length == 2) {
                chosen.put(parts[0], parts[1]);
            }
        });
        for (Attempt.Choice prompt : question.prompts()) {
            Select<Attempt.Choice> select = new Select<>();
            select.setLabel(prompt.text());
            select.setItems(question.choices());
            select.setItemLabelGenerator(choice -> choice == null ? "" : choice.text());
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("quiz.match-choose"));
            question.choices().stream().filter(c -> c.key().equals(chosen.get(prompt.key()))).findFirst().ifPresent(select::setValue);
            select.setReadOnly(readOnly);
            select.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                if (e.getValue() == null) {
                    chosen.remove(prompt.key());
                } else {
                    chosen.put(prompt.key(), e.getValue().key());
                }
                onChange.accept(chosen.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
            });
            lists.add(select);
        }
        return lists;
    }

    private Component ordering(List<String> answer) {
        List<Attempt.Choice> order = new ArrayList<>(question.choices());
        if (answer.size() == order.size()) {
            List<Attempt.Choice> saved = answer.stream().map(k -> order.stream().filter(c -> c.key().equals(k)).findFirst().orElse(null))
                    .filter(Objects::nonNull).toList();
            if (saved.size() == order.size()) {
                order.clear();
                order.addAll(saved);
            }
        }
        OrderedList list = new OrderedList();
        list.addClassName("academy-ordering");
        drawOrder(list, order);
        return list;
    }

    private void drawOrder(OrderedList list, List<Attempt.Choice> order) {
        list.removeAll();
        for (int i = 0; i < order.size(); i++) {
            Attempt.Choice item = order.get(i);
            ListItem row = new ListItem(new Span(item.text()));
            if (!readOnly) {
                int at = i;
                Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> move(list, order, at, at - 1));
                up.setAriaLabel(getTranslation("quiz.move-up", item.text()));
                up.setEnabled(i > 0);
                Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> move(list, order, at, at + 1));
                down.setAriaLabel(getTranslation("quiz.move-down", item.text()));
                down.setEnabled(i < order.size() - 1);
                up.addThemeVariants(ButtonVariant.TERTIARY);
                down.addThemeVariants(ButtonVariant.TERTIARY);
                row.add(up, down);
            }
            list.add(row);
        }
    }

    private void move(OrderedList list, List<Attempt.Choice> order, int from, int to) {
        order.add(to, order.remove(from));
        drawOrder(list, order);
        onChange.accept(order.stream().map(Attempt.Choice::key).toList());
    }

    private Component marked(Attempt.Marked mark) {
        Div marked = new Div();
        marked.addClassName("academy-question-mark");
        boolean full = mark.earned().compareTo(java.math.BigDecimal.valueOf(mark.points())) >= 0;
        Span earned = new Span(getTranslation("quiz.earned", mark.earned().stripTrailingZeros().toPlainString(), mark.points()));
        earned.addClassName(full ? "academy-mark-full" : "academy-mark-short");
        marked.add(earned);
        if (mark.rightAnswer() != null) {
            String right = question.kind().equals("true-false") ? getTranslation("quiz." + mark.rightAnswer()) : mark.rightAnswer();
            marked.add(new Paragraph(getTranslation("quiz.right-answer", right)));
        }
        mark.feedback().forEach(text -> marked.add(Views.markdown(text)));
        return marked;
    }
}
