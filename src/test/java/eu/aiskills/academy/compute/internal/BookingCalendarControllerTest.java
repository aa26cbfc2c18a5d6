package eu.aiskills.academy.compute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;

/** The partition's sessions as iCalendar: the instructor's own, every one for the factory's operators. */
@AcademyTest
class BookingCalendarControllerTest {

    @Autowired
    BookingCalendarController controller;
    @Autowired
    Allocations allocations;
    @Autowired
    Bookings bookings;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void exportsTheSessionsTheCallerMayKnow() {
        new TestCourses(content, context).course("ics-course").create();
        CourseRun run = catalogue.publishedCourse("ics-course").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-train", "fast-lane", run.id().value(),
                new BigDecimal("50"), "Exported labs; with, commas", LocalDate.now(ZoneOffset.UTC),
                LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        KaribuSupport.signIn(context, "operator@academy.test");
        allocations.approve(allocation.id(), new BigDecimal("50"), null);
        KaribuSupport.signIn(context, "instructor@academy.test");
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(14, 30).toInstant(ZoneOffset.UTC);
        bookings.book(new BookingRequest(allocation.id(), start, Duration.ofMinutes(90), 4, 2));

        var response = controller.bookings("lumi", "gpu-train", new MockHttpServletRequest("GET", "/factories/lumi/gpu-train/bookings.ics"));

        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("lumi-gpu-train-lab-sessions.ics");
        String ics = response.getBody();
        String day = start.toString().substring(0, 10).replace("-", "");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("DTSTART:" + day + "T143000Z", "DTEND:" + day + "T160000Z", "Exported labs\\; with\\, commas",
                        "(8 GPUs)");

        KaribuSupport.signIn(context, "operator@academy.test");
        assertThat(controller.bookings("lumi", "gpu-train", new MockHttpServletRequest()).getBody()).contains("Exported labs");
        assertThat(controller.bookings("lumi", "no-such-partition", new MockHttpServletRequest()).getStatusCode().value()).isEqualTo(404);
    }
}
