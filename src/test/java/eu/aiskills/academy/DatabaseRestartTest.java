package eu.aiskills.academy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.MariaDb;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database restarts while the platform runs (a MariaDB server of this test's own, through
 * MySQL Connector/J): while it is down, requests fail promptly and cleanly (health says DOWN, a
 * service call ends in a data-access error within the pool's timeout) and nothing hangs; when it is
 * back, the same requests succeed without restarting the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.connection-timeout=2000", "spring.datasource.hikari.validation-timeout=1000"})
@ActiveProfiles({"test", "mysql"})
class DatabaseRestartTest {

    static final MariaDb DATABASE = MariaDb.startPrivate();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerOn(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    Catalogue catalogue;
    @Autowired
    AccountManagement accounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndWorkAgainAfter() throws Exception {
        assertThat(health()).isEqualTo(200);
        assertThat(SystemActor.call(catalogue::skills)).isNotEmpty();

        List<String> whileDown = new ArrayList<>();
        DATABASE.restart(() -> {
            long started = System.nanoTime();
            try {
                SystemActor.call(() -> accounts.findByEmail("someone@example.org"));
                whileDown.add("a query succeeded with the database down");
            } catch (DataAccessException | org.springframework.transaction.CannotCreateTransactionException expected) {
                whileDown.add("refused");
            }
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertThat(took).as("fails within the pool's timeout, not after a hang").isLessThan(15_000);
            try {
                whileDown.add("health " + health());
            } catch (Exception e) {
                whileDown.add("health unreachable: " + e);
            }
        });
        assertThat(whileDown).containsExactly("refused", "health 503");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> SystemActor.call(() -> accounts.findByEmail("someone@example.org")).isEmpty());
        assertThat(SystemActor.call(catalogue::skills)).isNotEmpty();
        assertThat(health()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/courses")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private int health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
