package eu.aiskills.academy.compute.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.compute.PartitionCalendar;
import eu.aiskills.academy.shared.ICalendar;
import eu.aiskills.academy.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A partition's lab sessions as an iCalendar file, from a week ago to three months ahead: every
 * booking for the factory's operators, one's own for instructors (the same visibility as the
 * calendar view, decided by {@link Bookings#calendar}).
 */
@RestController
class BookingCalendarController {

    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Bookings bookings;
    private final Clock clock;

    BookingCalendarController(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @GetMapping("/factories/{slug}/{partition}/bookings.ics")
    ResponseEntity<String> bookings(@PathVariable String slug, @PathVariable String partition, HttpServletRequest request) {
        Instant now = clock.instant();
        PartitionCalendar calendar;
        try {
            calendar = bookings.calendar(slug, partition, now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(84)));
        } catch (NotFoundException e) {
            return ResponseEntity.notFound().build();
        }
        var base = ServletUriComponentsBuilder.fromContextPath(request).build();
        String url = base.toUriString() + "/factories/" + slug + "/" + partition + "/calendar";
        ICalendar ics = new ICalendar("-//AI Skills Academy//Lab sessions//EN");
        for (PartitionCalendar.Entry entry : calendar.bookings()) {
            if (entry.label() == null) {
                continue;
            }
            ics.span("booking-" + entry.id() + "@" + base.getHost(), now, entry.startsAt(), entry.endsAt(),
                    "Lab session on " + calendar.factoryName() + " " + partition + " (" + entry.gpus() + " GPUs)",
                    entry.label() + "\n" + entry.seats() + " seats, " + entry.gpus() + " GPUs\n" + url,
                    calendar.factoryName() + " · " + partition, url);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(slug + "-" + partition + "-lab-sessions.ics").build().toString())
                .body(ics.end());
    }
}
