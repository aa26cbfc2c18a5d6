package eu.aiskills.academy.catalogue.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.RunStatus;
import eu.aiskills.academy.shared.ICalendar;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A run's dates as an iCalendar file: the run itself and the close of enrolment. */
@RestController
class RunCalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final Catalogue catalogue;
    private final Clock clock;

    RunCalendarController(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/courses/{slug}/runs/{code}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String slug, @PathVariable String code, HttpServletRequest request) {
        CourseDetail course = catalogue.publishedCourse(slug).orElse(null);
        CourseRun run = course == null ? null : course.runs().stream()
                .filter(r -> r.code().equals(code) && r.status() == RunStatus.SCHEDULED).findFirst().orElse(null);
        if (run == null) {
            return ResponseEntity.notFound().build();
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        String url = base + "/courses/" + slug;
        String host = ServletUriComponentsBuilder.fromContextPath(request).build().getHost();
        String closes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
                .format(run.enrolClosesAt().atZone(run.timeZone()));
        String body = new ICalendar("-//AI Skills Academy//Course runs//EN")
                .days("run-" + run.id() + "@" + host, clock.instant(), run.startsOn(), run.endsOn(),
                        course.summary().title() + " (" + run.code() + ")",
                        course.summary().summary() + "\nEnrolment closes " + closes + " (" + run.timeZone() + ").\n" + url,
                        run.location() == null ? "Online" : run.location(), url)
                .moment("run-" + run.id() + "-enrolment-closes@" + host, clock.instant(), run.enrolClosesAt(),
                        "Enrolment closes: " + course.summary().title() + " (" + run.code() + ")", url, url)
                .end();
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(slug + "-" + run.code() + ".ics").build().toString())
                .body(body);
    }
}
