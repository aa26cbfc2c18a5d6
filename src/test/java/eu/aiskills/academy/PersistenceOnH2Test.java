package eu.aiskills.academy;

import org.springframework.test.context.ActiveProfiles;

/** The schema and repositories on the embedded default database (H2 in MySQL mode). */
@ActiveProfiles("test")
class PersistenceOnH2Test extends PersistenceContract {

    @Override
    java.time.temporal.ChronoUnit timePrecision() {
        return java.time.temporal.ChronoUnit.MICROS;
    }
}
