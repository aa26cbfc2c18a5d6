package eu.aiskills.academy.catalogue;

import java.util.UUID;

import eu.aiskills.academy.documents.DocumentKind;

/** A file attached to a lesson: slides, a reading, or a notebook shown read-only. */
public record LessonMaterial(UUID id, UUID lessonId, String title, DocumentKind kind) {
}
