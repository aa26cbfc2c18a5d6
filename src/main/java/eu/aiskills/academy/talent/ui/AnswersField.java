package eu.aiskills.academy.talent.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.textfield.TextArea;
import eu.aiskills.academy.talent.ApplicationDraft;

/**
 * The answers to a posting's questions as one field of the application form, one text area per
 * question, bound to {@link ApplicationDraft#answers()}. A refusal of the answers is shown on the
 * first one left blank (or the first), where the person has to act, not under the whole group.
 */
class AnswersField extends CustomField<List<String>> {

    private final List<TextArea> answers = new ArrayList<>();
    private String errorMessage;

    AnswersField(List<String> questions) {
        for (String question : questions) {
            TextArea answer = new TextArea(question);
            answer.setMaxLength(ApplicationDraft.ANSWER_MAX);
            answer.setRequired(true);
            answer.setWidthFull();
            answer.addValueChangeListener(change -> updateValue());
            answers.add(answer);
            add(answer);
        }
        setWidthFull();
    }

    @Override
    protected List<String> generateModelValue() {
        return answers.stream().map(TextArea::getValue).toList();
    }

    @Override
    protected void setPresentationValue(List<String> values) {
        for (int i = 0; i < answers.size(); i++) {
            answers.get(i).setValue(values != null && i < values.size() && values.get(i) != null ? values.get(i) : "");
        }
    }

    @Override
    public void setErrorMessage(String message) {
        this.errorMessage = message;
    }

    @Override
    public void setInvalid(boolean invalid) {
        answers.forEach(answer -> answer.setInvalid(false));
        if (invalid && !answers.isEmpty()) {
            TextArea first = answers.stream().filter(answer -> answer.getValue().isBlank()).findFirst().orElse(answers.getFirst());
            first.setErrorMessage(errorMessage);
            first.setInvalid(true);
        }
    }

    /** Focus goes to the answer a refusal marked, else to the first. */
    @Override
    public void focus() {
        answers.stream().filter(TextArea::isInvalid).findFirst().or(() -> answers.stream().findFirst()).ifPresent(TextArea::focus);
    }

    @Override
    public boolean isInvalid() {
        return answers.stream().anyMatch(TextArea::isInvalid);
    }
}
