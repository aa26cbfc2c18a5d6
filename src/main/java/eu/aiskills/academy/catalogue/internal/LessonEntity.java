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

    /**
     * A lesson as it comes from content or the authoring form, before it is stored. A null
     * {@code completedBy} is derived from the pass score (a lab's lesson, or marked done).
     */
    public record Draft(String slug, String title, String markdown, int minutes, String module, boolean required,
                        java.math.BigDecimal passScore, LessonCompletion completedBy, int weight) {

        public Draft(String slug, String title, String markdown, int minutes) {
            this(slug, title, markdown, minutes, null, true, null, null, 1);
        }

        public Draft(String slug, String title, String markdown, int minutes, String module, boolean required) {
            this(slug, title, markdown, minutes, module, required, null, null, 1);
        }

        LessonCompletion completion() {
            return completedBy != null ? completedBy : passScore != null ? LessonCompletion.LAB : LessonCompletion.DONE;
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

    /** What completes the lesson; a {@code LAB} lesson has a pass score, no other has. */
    @Column(name = "completed_by", nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private LessonCompletion completedBy = LessonCompletion.DONE;

    /** The lesson's weight in the course grade (assessed lessons; 0: not counted). */
    @Column(name = "grade_weight", nullable = false)
    private int weight = 1;

    protected LessonEntity() {
    }

    LessonEntity(UUID id, CourseEntity course, String slug) {
        this.id = id;
        this.course = course;
        this.slug = slug;
    }

    void update(int position, Draft draft) {
        this.completedBy = draft.completion();
        this.passScore = completedBy == LessonCompletion.LAB ? draft.passScore() : null;
        this.weight = draft.weight();
        this.position = position;
        String bodyMarkdown = draft.markdown();
        if (bodyText == null || !java.util.Objects.equals(bodyMarkdown, this.bodyMarkdown)) {
            this.bodyText = eu.aiskills.academy.shared.Markdown.toPlainText(bodyMarkdown);
        }
        this.bodyMarkdown = bodyMarkdown;
        this.title = draft.title();
        this.minutes = draft.minutes();
        this.module = draft.module();
        this.required = draft.required();
    }

    void moveTo(int position) {
        this.position = position;
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

    public LessonCompletion completion() {
        return completedBy;
    }

    /** The lesson as a draft, to copy it into a revision or back. */
    public Draft toDraft() {
        return new Draft(slug, title, bodyMarkdown, minutes, module, required, passScore, completedBy, weight);
    }

    public int weight() {
        return weight;
    }

    public LessonSummary toSummary() {
        return new LessonSummary(id, slug, position, title, minutes, module, required, passScore, completedBy, weight);
    }
}
