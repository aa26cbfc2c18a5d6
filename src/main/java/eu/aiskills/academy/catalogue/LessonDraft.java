package eu.aiskills.academy.catalogue;

/**
 * A lesson as the authoring form writes it: Markdown body, optional module heading, and the score
 * its graded lab needs (null: no pass score). One constructor only, so that Vaadin's
 * {@code Binder.writeRecord} finds the canonical one.
 */
public record LessonDraft(String title, String module, int minutes, boolean required, String markdown,
                          java.math.BigDecimal passScore) {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int MODULE_MAX_LENGTH = 200;
    public static final int MINUTES_MAX = 600;
}
