package eu.aiskills.academy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.catalogue.CourseLevel;
import eu.aiskills.academy.catalogue.internal.CourseEntity;
import eu.aiskills.academy.catalogue.internal.Courses;
import eu.aiskills.academy.catalogue.internal.LessonEntity;
import eu.aiskills.academy.compute.FactoryId;
import eu.aiskills.academy.compute.internal.Factories;
import eu.aiskills.academy.compute.internal.FactoryEntity;
import eu.aiskills.academy.compute.internal.PartitionEntity;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.internal.AccountEntity;
import eu.aiskills.academy.identity.internal.Accounts;
import eu.aiskills.academy.identity.internal.MembershipEntity;
import eu.aiskills.academy.identity.internal.Memberships;
import eu.aiskills.academy.identity.internal.OrganisationEntity;
import eu.aiskills.academy.identity.internal.Organisations;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The Flyway migrations and the JPA mappings agree (Hibernate validates the schema at start),
 * and the database itself guards what must not be duplicated. Run on H2 and on MariaDB.
 */
@DataJpaTest
@org.springframework.context.annotation.Import(eu.aiskills.academy.shared.MariaDbDialectSelection.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
abstract class PersistenceContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    /**
     * The finest time unit the database keeps through MySQL Connector/J: microseconds, except on
     * MariaDB before 11, whose "5.5.5-" version prefix makes Connector/J drop fractional seconds
     * (docs/decisions/0005-mariadb-through-connector-j.md).
     */
    abstract ChronoUnit timePrecision();

    @Autowired
    Accounts accounts;
    @Autowired
    Organisations organisations;
    @Autowired
    Memberships memberships;
    @Autowired
    Courses courses;
    @Autowired
    Factories factories;
    @Autowired
    EntityManager entityManager;

    @Test
    void accountsKeepTheirRolesAndInstants() {
        AccountId id = AccountId.random();
        accounts.saveAndFlush(new AccountEntity(id, "ana@example.org", "Ana", "{argon2}hash",
                EnumSet.of(Role.STUDENT, Role.FELLOW), Locale.GERMAN, NOW));
        entityManager.clear();
        AccountEntity loaded = accounts.findByEmail("ana@example.org").orElseThrow();
        assertThat(loaded.id()).isEqualTo(id);
        assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.STUDENT, Role.FELLOW);
        assertThat(loaded.toSummary().createdAt()).isEqualTo(NOW.truncatedTo(timePrecision()));
        assertThat(loaded.toSummary().preferredLocale()).isEqualTo(Locale.GERMAN);
        assertThat(accounts.countWithRole(Role.FELLOW)).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondAccountWithTheSameEmail() {
        accounts.saveAndFlush(new AccountEntity(AccountId.random(), "dup@example.org", "One", null,
                EnumSet.of(Role.STUDENT), null, NOW));
        assertThatThrownBy(() -> accounts.saveAndFlush(new AccountEntity(AccountId.random(), "dup@example.org", "Two",
                null, EnumSet.of(Role.STUDENT), null, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void membershipsGoWithTheirAccount() {
        AccountId person = AccountId.random();
        accounts.saveAndFlush(new AccountEntity(person, "emma@example.org", "Emma", null, EnumSet.of(Role.EMPLOYER), null, NOW));
        OrganisationId org = OrganisationId.random();
        organisations.saveAndFlush(new OrganisationEntity(org, "Demo Robotics", OrganisationKind.EMPLOYER, "DE", null, NOW));
        memberships.saveAndFlush(new MembershipEntity(org.value(), person.value(), MembershipRole.MANAGER, NOW));
        assertThat(memberships.findByAccount(person.value())).hasSize(1);

        entityManager.clear();
        entityManager.createNativeQuery("DELETE FROM account WHERE id = ?1").setParameter(1, person.value().toString()).executeUpdate();
        entityManager.clear();
        assertThat(memberships.countByOrganisation(org.value())).isZero();
    }

    @Test
    void organisationNamesAreUniquePerKind() {
        organisations.saveAndFlush(new OrganisationEntity(OrganisationId.random(), "CSC", OrganisationKind.AI_FACTORY, "FI", null, NOW));
        organisations.saveAndFlush(new OrganisationEntity(OrganisationId.random(), "CSC", OrganisationKind.EMPLOYER, "FI", null, NOW));
        assertThatThrownBy(() -> organisations.saveAndFlush(
                new OrganisationEntity(OrganisationId.random(), "CSC", OrganisationKind.AI_FACTORY, "FI", null, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void longMarkdownSurvivesTheRoundTrip() {
        String longLesson = "# Long\n\n" + "Lorem ipsum dolor sit amet, ünïcödé €. ".repeat(10_000);
        CourseEntity course = new CourseEntity(CourseId.random(), "long-course", NOW);
        course.describe("Long course", "A very long lesson", "Description", CourseLevel.ADVANCED, "en", 10,
                new BigDecimal("2.5"), NOW);
        course.replaceLessons(List.of(new LessonEntity.Draft("long", "Long", longLesson, 90),
                new LessonEntity.Draft("short", "Short", "Short.", 5)));
        courses.saveAndFlush(course);
        entityManager.clear();
        CourseEntity loaded = courses.findBySlug("long-course").orElseThrow();
        assertThat(loaded.lessons()).extracting(LessonEntity::slug).containsExactly("long", "short");
        assertThat(loaded.lessons().getFirst().bodyMarkdown()).isEqualTo(longLesson);
        assertThat(loaded.toSummary().ects()).isEqualByComparingTo("2.5");
    }

    @Test
    void reorderingLessonsKeepsTheirRows() {
        CourseEntity course = new CourseEntity(CourseId.random(), "reorder", NOW);
        course.describe("Reorder", "Summary", null, CourseLevel.INTRODUCTORY, "en", 1, null, NOW);
        course.replaceLessons(List.of(new LessonEntity.Draft("a", "A", "a", 1), new LessonEntity.Draft("b", "B", "b", 1)));
        courses.saveAndFlush(course);
        CourseEntity again = courses.findBySlug("reorder").orElseThrow();
        again.replaceLessons(List.of(new LessonEntity.Draft("b", "B", "b", 1), new LessonEntity.Draft("c", "C", "c", 1),
                new LessonEntity.Draft("a", "A", "a2", 1)));
        courses.saveAndFlush(again);
        entityManager.clear();
        assertThat(courses.findBySlug("reorder").orElseThrow().lessons())
                .extracting(LessonEntity::slug).containsExactly("b", "c", "a");
    }

    @Test
    void factoriesKeepTheirOrderedListsAndPartitions() {
        FactoryEntity factory = new FactoryEntity(FactoryId.random(), "test-factory");
        factory.update(new FactoryEntity.Draft("Test Factory", "Test Centre", "FI", List.of("FI", "EE", "CZ"),
                "Test-AI", "New", List.of("Health", "Climate"), "Desc",
                List.of(new PartitionEntity.Draft("gpu", "Test GPU", 4, 10, 80, true))), null, "hash", NOW);
        factories.saveAndFlush(factory);
        entityManager.clear();
        var summary = factories.findBySlug("test-factory").orElseThrow().toSummary();
        assertThat(summary.consortium()).containsExactly("FI", "EE", "CZ");
        assertThat(summary.keySectors()).containsExactly("Health", "Climate");
        assertThat(summary.totalGpus()).isEqualTo(40);
    }
}
