package eu.aiskills.academy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.internal.CourseContentImport;
import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.compute.internal.FactoryContentImport;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.NewAccount;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in the production database profile ({@code mysql}) on a real MariaDB
 * server through MySQL Connector/J: migrations, content import, and no demo accounts.
 */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class MariaDbApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Registration registration;
    @Autowired
    Catalogue catalogue;
    @Autowired
    FactoryRegistry factories;
    @Autowired
    CourseContentImport courseImport;
    @Autowired
    FactoryContentImport factoryImport;
    @Autowired
    org.springframework.boot.health.actuate.endpoint.HealthEndpoint health;

    @Test
    void runsOnMariaDbThroughConnectorJ() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isGreaterThanOrEqualTo(3);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.healthForPath("db")).as("the database is part of health").isNotNull()
                .satisfies(db -> assertThat(db.getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void hasNoDemoAccounts() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE email LIKE '%@academy.test'", Integer.class)).isZero();
        assertThat(SystemActor.call(() -> accounts.countByRole()).get(Role.ADMIN)).isZero();
        assertThatThrownBy(() -> users.loadUserByUsername("admin@academy.test")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void importsTheRegistryAndCatalogueOnceEvenWhenRunAgain() {
        assertThat(factories.count()).isEqualTo(13);
        assertThat(catalogue.countPublished()).isEqualTo(4);
        assertThat(factoryImport.importAll()).isZero();
        assertThat(courseImport.importAll()).isZero();
        assertThat(factories.count()).isEqualTo(13);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE kind = 'AI_FACTORY'", Integer.class))
                .isEqualTo(13);
    }

    @Test
    void concurrentRegistrationsForOneEmailCreateOneAccount() throws Exception {
        List<Boolean> created = Race.run(10, n -> () -> {
            try {
                registration.register(NewAccount.of("race@example.org", "Racer " + n, "Tram-Gravel-Orbit-7",
                        EnumSet.of(Role.STUDENT), null));
                return true;
            } catch (UserFacingException e) {
                return false;
            }
        });
        assertThat(created).containsOnlyOnce(true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE email = 'race@example.org'", Integer.class))
                .isEqualTo(1);
    }
}
