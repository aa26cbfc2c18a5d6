package eu.aiskills.academy.catalogue.ui;

import java.util.UUID;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseRevisions;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.LessonContent;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/**
 * A course as learners will see it, before it is published: for its authors and reviewers. For a
 * revision of a published course, what it changes comes first, side by side.
 */
@Route("teaching/courses/:" + CoursePreviewView.ID + "/preview")
@RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN, Roles.REVIEWER})
class CoursePreviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";

    private final transient Catalogue catalogue;
    private final transient CourseAuthoring authoring;
    private final transient CourseRevisions revisions;
    private String title = "";

    CoursePreviewView(Catalogue catalogue, CourseAuthoring authoring, CourseRevisions revisions) {
        this.catalogue = catalogue;
        this.authoring = authoring;
        this.revisions = revisions;
        addClassName("academy-preview");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CourseId id;
        try {
            id = new CourseId(UUID.fromString(event.getRouteParameters().get(ID).orElse("")));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("authoring.course-not-found");
        }
        CourseDetail course = catalogue.preview(id);
        title = getTranslation("authoring.preview-title", course.summary().title());
        removeAll();
        Paragraph banner = new Paragraph(getTranslation("authoring.preview-banner"));
        banner.addClassName("academy-callout");
        banner.getElement().setAttribute("role", "note");
        add(banner, new Anchor("/teaching/courses/" + id.value(), getTranslation("authoring.back-to-editor")));
        AuthoredCourse.Revision revision = authoring.authored(id).revision();
        if (revision.isRevision()) {
            // A revision of a published course: what it changes comes first, side by side with what learners see now.
            add(new H2(getTranslation("revision.changes-title", revision.number())), RevisionChanges.of(this, revisions.changes(id)));
        }
        CourseView page = CourseView.forPreview();
        page.render(course, course.summary().slug(), false);
        page.setPadding(false);
        add(page, new H2(getTranslation("authoring.lessons")));
        for (LessonContent lesson : catalogue.previewLessons(id)) {
            Article body = new Article(new eu.aiskills.academy.shared.ui.RichText(lesson.html()));
            body.addClassName("academy-prose");
            Details details = new Details(lesson.lesson().position() + ". " + lesson.lesson().title(), body);
            details.setWidthFull();
            add(details);
        }
    }

    @Override
    public String getPageTitle() {
        return title + Views.TITLE_SEPARATOR + getTranslation("app.name");
    }
}
