package eu.aiskills.academy.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.compute.internal.Ledger;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger on MariaDB under concurrency: never below zero, every movement once, balance = sum of entries. */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class LedgerConcurrencyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Ledger ledger;

    @Test
    void concurrentReservationsNeverTakeTheBalanceBelowZero() throws Exception {
        QuotaAccountId account = ledger.learnerAccount(UUID.randomUUID(), UUID.randomUUID());
        ledger.move(account, QuotaEntryKind.GRANTED, new BigDecimal("100"), "grant-" + account, null, "Granted");

        List<Boolean> reserved = Race.run(50, n -> () -> {
            try {
                ledger.move(account, QuotaEntryKind.RESERVED, new BigDecimal("-3"), "reserve-" + account + "-" + n, null, "Lab session");
                return true;
            } catch (UserFacingException insufficient) {
                assertThat(insufficient.messageKey()).isEqualTo("quota.insufficient");
                return false;
            }
        });
        assertThat(reserved).filteredOn(r -> r).hasSize(33);
        assertThat(ledger.balance(account)).isEqualByComparingTo("1");
        assertThat(ledger.sumOfEntries(account)).as("the balance is the sum of the entries").isEqualByComparingTo("1");
    }

    @Test
    void aMovementRetriedConcurrentlyCountsOnce() throws Exception {
        QuotaAccountId account = ledger.learnerAccount(UUID.randomUUID(), UUID.randomUUID());
        List<Boolean> applied = Race.run(10, n -> () ->
                ledger.move(account, QuotaEntryKind.GRANTED, new BigDecimal("7.5"), "same-key-" + account, null, "Granted").applied());
        assertThat(applied).containsOnlyOnce(true);
        assertThat(ledger.balance(account)).isEqualByComparingTo("7.5");
        assertThat(ledger.entries(account, 10)).hasSize(1);
    }
}
