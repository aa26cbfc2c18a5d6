package eu.aiskills.academy.catalogue.internal;

import java.time.Instant;
import java.util.UUID;

import eu.aiskills.academy.catalogue.LessonMaterial;
import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.DocumentKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored file attached to a lesson, by its document id. */
@Entity
@Table(name = "lesson_material")
public class LessonMaterialEntity {

    @Id
    private UUID id;

    @Column(name = "lesson_id", nullable = false)
    private UUID lessonId;

    @Column(name = "document_id", nullable = false)
    private UUID documentId;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private DocumentKind kind;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LessonMaterialEntity() {
    }

    public LessonMaterialEntity(UUID lessonId, DocumentId document, String title, DocumentKind kind, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.lessonId = lessonId;
        this.documentId = document.value();
        this.title = title;
        this.kind = kind;
        this.position = position;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID lessonId() {
        return lessonId;
    }

    public DocumentId documentId() {
        return new DocumentId(documentId);
    }

    /** The same file attached to another lesson (a revision's copy of the lesson). */
    public LessonMaterialEntity copyFor(UUID lesson, Instant now) {
        return new LessonMaterialEntity(lesson, new DocumentId(documentId), title, kind, position, now);
    }

    /** Moves the attachment to another lesson (a published revision's lesson becoming the course's). */
    public void moveTo(UUID lesson) {
        this.lessonId = lesson;
    }

    public String title() {
        return title;
    }

    public LessonMaterial toMaterial() {
        return new LessonMaterial(id, lessonId, title, kind);
    }
}
