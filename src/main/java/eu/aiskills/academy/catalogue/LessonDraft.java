package eu.aiskills.academy.catalogue;

/**
 * A lesson as the authoring form writes it: Markdown body, optional module heading, what completes
 * it, the score its graded lab needs (a {@code LAB} lesson only) and its weight in the course
 * grade. One constructor only, so that Vaadin's {@code Binder.writeRecord} finds the canonical one.
 */
public record LessonDraft(String title, String module, int minutes, boolean required, String markdown,
                          LessonCompletion completedBy, java.math.BigDecimal passScore, int weight) {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int MODULE_MAX_LENGTH = 200;
    public static final int MINUTES_MAX = 600;
    public static final int WEIGHT_MAX = 100;
}
