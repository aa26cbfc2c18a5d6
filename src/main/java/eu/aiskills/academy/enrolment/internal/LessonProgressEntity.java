package eu.aiskills.academy.enrolment.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A lesson a learner marked done in one enrolment. */
@Entity
@Table(name = "lesson_progress")
public class LessonProgressEntity {

    @Embeddable
    public record Key(@Column(name = "enrolment_id") UUID enrolmentId, @Column(name = "lesson_id") UUID lessonId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "done_at", nullable = false)
    private Instant doneAt;

    /** The graded lab's score that completed the lesson; null for lessons marked done. */
    @Column(precision = 5, scale = 2)
    private java.math.BigDecimal score;

    protected LessonProgressEntity() {
    }

    public LessonProgressEntity(UUID enrolmentId, UUID lessonId, Instant doneAt) {
        this.key = new Key(enrolmentId, lessonId);
        this.doneAt = doneAt;
    }

    public void scored(java.math.BigDecimal score, Instant at) {
        if (this.score == null || score.compareTo(this.score) > 0) {
            this.score = score;
            this.doneAt = at;
        }
    }

    public java.math.BigDecimal score() {
        return score;
    }

    public UUID lessonId() {
        return key.lessonId();
    }

    public UUID enrolmentId() {
        return key.enrolmentId();
    }
}
