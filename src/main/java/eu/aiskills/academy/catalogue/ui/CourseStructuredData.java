package eu.aiskills.academy.catalogue.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.CourseSummary;
import eu.aiskills.academy.catalogue.DeliveryMode;
import eu.aiskills.academy.catalogue.RunStatus;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.shared.ui.StructuredDataPage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a course's schema.org {@code Course} (with a {@code CourseInstance} per scheduled run) as
 * JSON-LD, and its summary as the page description, into the HTML the server sends for a course
 * page: search engines and link previews read it without running the application's scripts.
 */
@Component
class CourseStructuredData extends StructuredDataPage {

    private static final Pattern COURSE_PATH = Pattern.compile("^/courses/([a-z0-9-]{1,120})/?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalogue catalogue;

    CourseStructuredData(Catalogue catalogue) {
        super(COURSE_PATH);
        this.catalogue = catalogue;
    }

    @Override
    protected Optional<Description> describe(Matcher path, String base) {
        return catalogue.publishedCourse(path.group(1))
                .map(course -> new Description(JSON.writeValueAsString(jsonLd(course, base)), course.summary().summary()));
    }

    static Map<String, Object> jsonLd(CourseDetail course, String base) {
        CourseSummary summary = course.summary();
        String url = base + "/courses/" + summary.slug();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Course");
        ld.put("@id", url);
        ld.put("url", url);
        ld.put("name", summary.title());
        ld.put("description", summary.summary());
        ld.put("courseCode", summary.slug());
        ld.put("inLanguage", course.languages());
        ld.put("educationalLevel", summary.level().name().toLowerCase(Locale.ROOT));
        ld.put("timeRequired", "PT" + summary.workloadHours() + "H");
        if (summary.ects() != null) {
            ld.put("numberOfCredits", Map.of("@type", "StructuredValue", "value", summary.ects(), "unitText", "ECTS"));
        }
        ld.put("provider", Map.of("@type", "Organization", "name", "AI Skills Academy", "url", base));
        ld.put("isAccessibleForFree", true);
        ld.put("offers", Map.of("@type", "Offer", "category", "Free", "price", 0, "priceCurrency", "EUR"));
        ld.put("teaches", course.outcomes());
        List<Map<String, Object>> skills = new ArrayList<>();
        for (Skill skill : course.skills()) {
            skills.add(Map.of("@type", "DefinedTerm", "name", skill.label(), "url", skill.uri(),
                    "inDefinedTermSet", "https://esco.ec.europa.eu/"));
        }
        if (!skills.isEmpty()) {
            ld.put("about", skills);
        }
        List<String> prerequisites = new ArrayList<>(course.prerequisiteCourses().stream().map(CourseSummary::title).toList());
        course.prerequisiteSkills().forEach(skill -> prerequisites.add(skill.label()));
        if (!prerequisites.isEmpty()) {
            ld.put("coursePrerequisites", prerequisites);
        }
        List<Map<String, Object>> instances = new ArrayList<>();
        for (CourseRun run : course.runs()) {
            if (run.status() != RunStatus.SCHEDULED) {
                continue;
            }
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("@type", "CourseInstance");
            instance.put("name", summary.title() + " (" + run.code() + ")");
            instance.put("courseMode", run.mode() == DeliveryMode.ONLINE ? "online"
                    : run.mode() == DeliveryMode.ON_SITE ? "onsite" : "blended");
            instance.put("startDate", run.startsOn().toString());
            instance.put("endDate", run.endsOn().toString());
            instance.put("inLanguage", run.language());
            instance.put("maximumAttendeeCapacity", run.capacity());
            if (run.location() != null) {
                instance.put("location", Map.of("@type", "Place", "name", run.location()));
            }
            if (!course.instructors().isEmpty()) {
                instance.put("instructor", course.instructors().stream()
                        .map(name -> Map.of("@type", "Person", "name", name)).toList());
            }
            instance.put("courseWorkload", "PT" + summary.workloadHours() + "H");
            instances.add(instance);
        }
        if (!instances.isEmpty()) {
            ld.put("hasCourseInstance", instances);
        }
        return ld;
    }
}
