package eu.aiskills.academy;

import eu.aiskills.academy.testsupport.MariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same schema and repositories on a real MariaDB server through MySQL Connector/J. */
@ActiveProfiles({"test", "mysql"})
class PersistenceOnMariaDbTest extends PersistenceContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Override
    java.time.temporal.ChronoUnit timePrecision() {
        return java.time.temporal.ChronoUnit.SECONDS;
    }
}
