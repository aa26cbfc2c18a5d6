package eu.aiskills.academy.catalogue;

import java.io.InputStream;
import java.util.UUID;

import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonMaterialEntity;
import eu.aiskills.academy.catalogue.internal.LessonMaterials;
import eu.aiskills.academy.documents.DocumentKind;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Notebook;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the files attached to lessons: anybody once the course is published, its authors,
 * administrators and reviewers before. The files themselves are kept by {@code documents}; this
 * service decides who may read them, then fetches them as the platform (ADR 0019, rule 2).
 * Authors attach and remove them through {@link CourseAuthoring}.
 */
@Service
public class CourseMaterials {

    private final LessonMaterials materials;
    private final Courses courses;
    private final Documents documents;

    CourseMaterials(LessonMaterials materials, Courses courses, Documents documents) {
        this.materials = materials;
        this.courses = courses;
        this.documents = documents;
    }

    /** A material's file name and type, when its course is published or the caller is one of its authors. */
    @PermitAll
    @Transactional(readOnly = true)
    public MaterialDownload materialDownload(UUID materialId) {
        LessonMaterialEntity material = readableMaterial(materialId);
        StoredDocument document = SystemActor.call(() -> documents.get(material.documentId()));
        return new MaterialDownload(document.fileName(), document.mediaType(), document.sizeBytes());
    }

    /** A material's bytes (the caller closes the stream), under the same rule. */
    @PermitAll
    @Transactional(readOnly = true)
    public InputStream openMaterial(UUID materialId) {
        LessonMaterialEntity material = readableMaterial(materialId);
        return SystemActor.call(() -> documents.open(material.documentId()));
    }

    /** A notebook material read for display (read-only: running notebooks belongs to labs). */
    @PermitAll
    @Transactional(readOnly = true)
    public Notebook notebook(UUID materialId) {
        LessonMaterialEntity material = readableMaterial(materialId);
        if (material.toMaterial().kind() != DocumentKind.NOTEBOOK) {
            throw new NotFoundException("catalogue.material-not-found");
        }
        return Notebook.read(SystemActor.call(() -> documents.open(material.documentId())));
    }

    private LessonMaterialEntity readableMaterial(UUID materialId) {
        LessonMaterialEntity material = materials.findById(materialId)
                .orElseThrow(() -> new NotFoundException("catalogue.material-not-found"));
        CourseEntity course = courses.findByLesson(material.lessonId())
                .orElseThrow(() -> new NotFoundException("catalogue.material-not-found"));
        boolean author = CurrentUser.id().map(me -> course.instructorIds().contains(me.value())).orElse(false);
        if (course.status() != CourseStatus.PUBLISHED && !author && !CurrentUser.hasRole(Roles.ADMIN)
                && !CurrentUser.hasRole(Roles.REVIEWER)) {
            throw new NotFoundException("catalogue.material-not-found");
        }
        return material;
    }
}
