package eu.aiskills.academy.search.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.ui.CoursePageSection;
import eu.aiskills.academy.search.Search;
import eu.aiskills.academy.search.SearchHit;
import eu.aiskills.academy.search.SearchUnavailableException;

/** "Related courses" on a course's page: the most similar courses by their text ("more like this"). */
@org.springframework.stereotype.Component
class RelatedCoursesSection implements CoursePageSection {

    private final Search search;

    RelatedCoursesSection(Search search) {
        this.search = search;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CourseDetail course) {
        List<SearchHit> related;
        try {
            related = search.relatedCourses(course.summary().slug(), 3);
        } catch (SearchUnavailableException e) {
            return Optional.empty();
        }
        if (related.isEmpty()) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        UnorderedList list = new UnorderedList();
        related.forEach(hit -> list.add(new ListItem(new Anchor(hit.path(), hit.title()))));
        Div section = new Div(new H2(ui.getTranslation("search.related")), list);
        section.addClassName("academy-related");
        return Optional.of(section);
    }
}
