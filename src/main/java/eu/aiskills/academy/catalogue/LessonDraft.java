package eu.aiskills.academy.catalogue;

/** A lesson as the authoring form writes it: Markdown body, optional module heading. */
public record LessonDraft(String title, String module, int minutes, boolean required, String markdown,
                          java.math.BigDecimal passScore) {

    public LessonDraft(String title, String module, int minutes, boolean required, String markdown) {
        this(title, module, minutes, required, markdown, null);
    }

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int MODULE_MAX_LENGTH = 200;
    public static final int MINUTES_MAX = 600;
}
