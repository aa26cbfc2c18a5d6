package eu.aiskills.academy.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Many conflicting bookings at once on MariaDB: the partition is never overbooked and every hour is accounted. */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class BookingConcurrencyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Bookings bookings;
    @Autowired
    Allocations allocations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void thirtyConflictingBookingsForOneWindowFillThePartitionExactly() throws Exception {
        // The production profile has no demo accounts: the administrator requests and approves here.
        String admin = "race-admin@example.org";
        SystemActor.call(() -> context.getBean(eu.aiskills.academy.identity.Registration.class).createAccount(
                eu.aiskills.academy.identity.NewAccount.of(admin, "Race Admin", "Tram-Gravel-Orbit-7",
                        java.util.EnumSet.of(eu.aiskills.academy.identity.Role.ADMIN), null)));
        new TestCourses(content, context).course("race-lab").instructor(admin).create();
        CourseRun run = catalogue.publishedCourse("race-lab").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, admin);
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-lab", "fast-lane", run.id().value(),
                new BigDecimal("5000"), "Race", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        allocation = allocations.approve(allocation.id(), new BigDecimal("5000"), null);
        SecurityContextHolder.clearContext();
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
        AllocationId id = allocation.id();

        List<Boolean> booked = Race.run(30, n -> () -> {
            KaribuSupport.signIn(context, admin);
            try {
                bookings.book(new BookingRequest(id, start.plus(Duration.ofMinutes(n % 3 * 30)), Duration.ofHours(2), 8, 1));
                return true;
            } catch (BookingRefused refused) {
                return false;
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(booked).filteredOn(b -> b).as("64 GPUs, 8 per booking, all overlapping").hasSize(8);
        assertThat(jdbc.queryForObject("SELECT SUM(gpus) FROM lab_booking WHERE status = 'BOOKED'", Integer.class)).isEqualTo(64);
        QuotaAccountId account = ledger.allocationAccount(id.value());
        assertThat(ledger.balance(account)).isEqualByComparingTo("4872");
        assertThat(ledger.sumOfEntries(account)).isEqualByComparingTo(ledger.balance(account));
    }
}
