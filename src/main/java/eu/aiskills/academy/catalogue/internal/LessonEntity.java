package eu.aiskills.academy.catalogue.internal;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

import java.util.UUID;

import eu.aiskills.academy.catalogue.LessonCompletion;
import eu.aiskills.academy.catalogue.LessonSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "lesson")
public class LessonEntity {

    /** A lesson as it comes from content or the authoring form, before it is stored. */
    public record Draft(String slug, String title, String markdown, int minutes, String module, boolean required,
                        java.math.BigDecimal passScore, Boolean completedByQuiz) {

        public Draft(String slug, String title, String markdown, int minutes) {
            this(slug, title, markdown, minutes, null, true, null, null);
        }

        public Draft(String slug, String title, String markdown, int minutes, String module, boolean required) {
            this(slug, title, markdown, minutes, module, required, null, null);
        }

        /** A lesson whose completion by quiz is left as it is ({@code completedByQuiz} null). */
        public Draft(String slug, String title, String markdown, int minutes, String module, boolean required,
                     java.math.BigDecimal passScore) {
            this(slug, title, markdown, minutes, module, required, passScore, null);
        }
    }

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private CourseEntity course;

    @Column(nullable = false, length = 120)
    private String slug;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "body_md", nullable = false, length = LONG_TEXT)
    private String bodyMarkdown;

    /** The body's plain text, derived when it is saved (what the search index holds). */
    @Column(name = "body_text", length = LONG_TEXT)
    private String bodyText;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "module_title", length = 200)
    private String module;

    @Column(nullable = false)
    private boolean required = true;

    @Column(name = "pass_score", precision = 5, scale = 2)
    private java.math.BigDecimal passScore;

    /** Set for a lesson completed by passing its quiz; otherwise the pass score says (a lab, or marked done). */
    @Column(name = "completed_by_quiz", nullable = false)
    private boolean completedByQuiz;

    protected LessonEntity() {
    }

    LessonEntity(UUID id, CourseEntity course, String slug) {
        this.id = id;
        this.course = course;
        this.slug = slug;
    }

    void update(int position, String title, String bodyMarkdown, int minutes, String module, boolean required,
                java.math.BigDecimal passScore) {
        this.passScore = passScore;
        this.position = position;
        this.title = title;
        if (bodyText == null || !java.util.Objects.equals(bodyMarkdown, this.bodyMarkdown)) {
            this.bodyText = eu.aiskills.academy.shared.Markdown.toPlainText(bodyMarkdown);
        }
        this.bodyMarkdown = bodyMarkdown;
        this.minutes = minutes;
        this.module = module;
        this.required = required;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public int minutes() {
        return minutes;
    }

    public String module() {
        return module;
    }

    public boolean required() {
        return required;
    }

    public java.math.BigDecimal passScore() {
        return passScore;
    }

    public String slug() {
        return slug;
    }

    public int position() {
        return position;
    }

    public String bodyMarkdown() {
        return bodyMarkdown;
    }

    eu.aiskills.academy.catalogue.CourseDocument.Lesson toDocument(String materialText) {
        return new eu.aiskills.academy.catalogue.CourseDocument.Lesson(slug, position, title,
                bodyText == null ? "" : bodyText, minutes, materialText);
    }

    /** Whether passing the lesson's quiz completes it (set by the content import, kept by other edits). */
    void completedByQuiz(boolean byQuiz) {
        this.completedByQuiz = byQuiz;
        if (byQuiz) {
            this.passScore = null;
        }
    }

    public LessonCompletion completion() {
        return completedByQuiz ? LessonCompletion.QUIZ : passScore != null ? LessonCompletion.LAB : LessonCompletion.DONE;
    }

    public LessonSummary toSummary() {
        return new LessonSummary(id, slug, position, title, minutes, module, required, passScore, completion());
    }
}
