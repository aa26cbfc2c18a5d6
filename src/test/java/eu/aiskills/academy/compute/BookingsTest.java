package eu.aiskills.academy.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Booking lab sessions: the partition's GPUs and the allocation's hours, reserved together or refused with alternatives. */
@AcademyTest
class BookingsTest {

    @Autowired
    Bookings bookings;
    @Autowired
    Allocations allocations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void bookRefuseWithAlternativesCancelShortenAndRunOutOfHours() {
        Allocation allocation = approvedAllocation("booking-course", "1000", "1000");
        Instant tomorrow10 = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);

        KaribuSupport.signIn(context, "instructor@academy.test");
        Booking first = bookings.book(new BookingRequest(allocation.id(), tomorrow10, Duration.ofHours(2), 20, 1));
        assertThat(first.gpus()).isEqualTo(20);
        assertThat(first.gpuHours()).isEqualByComparingTo("40");
        assertThat(remaining(allocation)).isEqualByComparingTo("960");

        assertThatThrownBy(() -> bookings.book(new BookingRequest(allocation.id(), tomorrow10.plus(Duration.ofHours(1)),
                Duration.ofHours(2), 50, 1)))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("booking.capacity");
                    assertThat(refused.arguments()).containsExactly(44, 50);
                    assertThat(refused.alternatives()).isNotEmpty().allSatisfy(start ->
                            assertThat(start.plus(Duration.ofHours(2)).isAfter(tomorrow10) && start.isBefore(tomorrow10.plus(Duration.ofHours(2))))
                                    .as("an alternative does not overlap the first booking").isFalse());
                    assertThat(refused.alternatives()).contains(tomorrow10.plus(Duration.ofHours(2)));
                });
        assertThat(bookingsOf(allocation, "%")).as("nothing half-written").isEqualTo(1);

        bookings.cancel(first.id());
        assertThat(remaining(allocation)).isEqualByComparingTo("1000");
        Booking big = bookings.book(new BookingRequest(allocation.id(), tomorrow10.plus(Duration.ofHours(1)), Duration.ofHours(4), 50, 1));
        assertThat(remaining(allocation)).isEqualByComparingTo("800");
        Booking shortened = bookings.shorten(big.id(), big.startsAt().plus(Duration.ofHours(1)));
        assertThat(shortened.gpuHours()).isEqualByComparingTo("50");
        assertThat(remaining(allocation)).isEqualByComparingTo("950");

        assertThatThrownBy(() -> bookings.book(new BookingRequest(allocation.id(), tomorrow10.plus(Duration.ofDays(2)),
                Duration.ofHours(12), 60, 2)))
                .as("over the partition's 64 GPUs").isInstanceOf(BookingRefused.class);
        bookings.book(new BookingRequest(allocation.id(), tomorrow10.plus(Duration.ofDays(3)), Duration.ofHours(12), 32, 2));
        assertThat(remaining(allocation)).isEqualByComparingTo("182");
        assertThatThrownBy(() -> bookings.book(new BookingRequest(allocation.id(), tomorrow10.plus(Duration.ofDays(4)),
                Duration.ofHours(12), 32, 2)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("quota.insufficient");
                    assertThat(e.arguments()).containsExactly("768", "182");
                });
        assertThat(bookingsOf(allocation, "BOOKED")).as("a refusal for lack of hours leaves no booking").isEqualTo(2);
        assertThat(allocations.ledger(allocation.id(), 20)).extracting(QuotaEntry::kind).contains(QuotaEntryKind.GRANTED,
                QuotaEntryKind.RESERVED, QuotaEntryKind.RELEASED);
    }

    private int bookingsOf(Allocation allocation, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lab_booking WHERE allocation_id = ? AND status LIKE ?", Integer.class,
                allocation.id().value().toString(), status);
    }

    private BigDecimal remaining(Allocation allocation) {
        return allocations.mine().stream().filter(a -> a.id().equals(allocation.id())).findFirst().orElseThrow().remaining();
    }

    private Allocation approvedAllocation(String slug, String requested, String granted) {
        new TestCourses(content, context).course(slug).create();
        CourseRun run = catalogue.publishedCourse(slug).orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        // JUPITER's lab partition (64 GPUs), which no other test books: approved by an administrator.
        Allocation allocation = allocations.request(new AllocationRequest("jupiter", "gpu-lab", "fast-lane", run.id().value(),
                new BigDecimal(requested), "Labs", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(60)));
        KaribuSupport.signIn(context, "admin@academy.test");
        return allocations.approve(allocation.id(), new BigDecimal(granted), null);
    }

    static Instant hour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }
}
