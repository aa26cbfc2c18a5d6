package eu.aiskills.academy.catalogue.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.aiskills.academy.catalogue.CourseMaterials;
import eu.aiskills.academy.catalogue.LessonMaterial;
import eu.aiskills.academy.catalogue.MaterialDownload;
import eu.aiskills.academy.documents.DocumentKind;

/** A lesson's materials: each to download, notebooks also to read in the page. */
final class MaterialsList {

    private MaterialsList() {
    }

    static Component of(Component view, CourseMaterials files, String courseSlug, String lessonSlug, List<LessonMaterial> materials) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-materials");
        for (LessonMaterial material : materials) {
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
                MaterialDownload file = files.materialDownload(material.id());
                return new DownloadResponse(files.openMaterial(material.id()), file.fileName(), file.mediaType(),
                        file.sizeBytes());
            }), view.getTranslation("lesson.material.download", material.title()));
            download.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
            ListItem item = new ListItem(download, new Span(" · " + view.getTranslation(material.kind().messageKey())));
            if (material.kind() == DocumentKind.NOTEBOOK) {
                item.add(new Span(" · "), new RouterLink(view.getTranslation("lesson.material.read-notebook"), NotebookView.class,
                        new RouteParameters(Map.of(NotebookView.COURSE, courseSlug, NotebookView.LESSON, lessonSlug,
                                NotebookView.MATERIAL, material.id().toString()))));
            }
            list.add(item);
        }
        Div section = new Div(new H2(view.getTranslation("lesson.materials")), list);
        section.addClassName("academy-lesson-materials");
        return section;
    }
}
