package eu.aiskills.academy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import eu.aiskills.academy.identity.SignedIn;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Rules of STYLE.md that the compiler does not check. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.aiskills.academy");

    /** Every service operation says who may call it; hiding a button is never the only guard. */
    @Test
    void everyPublicServiceMethodDeclaresWhoMayCallIt() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().arePublic()
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(SignedIn.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("authorisation is checked in the service, whatever the caller")
                .check(CLASSES);
    }

    /** One style (ADR 0019): roles by @RolesAllowed, public by @PermitAll, any signed-in person by @SignedIn. */
    @Test
    void servicesSayWhoMayCallThemInOneStyle() {
        noMethods().should().beAnnotatedWith(PreAuthorize.class)
                .because("an expression string is checked only when called; @RolesAllowed names Roles constants the compiler checks,"
                        + " and @SignedIn is the one expression, written once")
                .check(CLASSES);
        noClasses().that().doNotHaveFullyQualifiedName(SignedIn.class.getName())
                .should().beAnnotatedWith(PreAuthorize.class)
                .check(CLASSES);
    }

    /** ADR 0019: a view calls services as the person signed in; the platform acts as itself only behind a service's own check. */
    @Test
    void viewsNeverActAsThePlatform() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("eu.aiskills.academy.identity.SystemActor")
                .because("acting as the platform from a screen would skip the checks of who the person is")
                .check(CLASSES);
    }

    @Test
    void viewsDoNotTouchRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("views call their module's services, never its persistence")
                .check(CLASSES);
    }

    @Test
    void viewsDoNotTouchEntities() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(CLASSES);
    }

    @Test
    void noPackagesByLayerAtTheTop() {
        noClasses().should().resideInAnyPackage("eu.aiskills.academy.entities..", "eu.aiskills.academy.repositories..",
                "eu.aiskills.academy.views..", "eu.aiskills.academy.services..", "eu.aiskills.academy.controllers..")
                .check(CLASSES);
    }

    @Test
    void searchEngineAndDocumentParserTypesStayInTheirModules() {
        noClasses().that().resideOutsideOfPackage("eu.aiskills.academy.search..")
                .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "org.elasticsearch..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("eu.aiskills.academy.documents..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.tika..")
                .check(CLASSES);
    }

    /**
     * Root and {@code ui} classes that still hold SQL, from before ADR 0019; each is to move its
     * statements into a store in its module's {@code internal}. The list only shrinks: a class
     * that no longer needs its place fails the test below too.
     */
    private static final java.util.Set<String> SQL_STILL_OUTSIDE_INTERNAL = java.util.Set.of(
            "eu.aiskills.academy.fellowships.Cohorts",
            "eu.aiskills.academy.fellowships.FellowshipApplications",
            "eu.aiskills.academy.fellowships.FellowshipPlacements",
            "eu.aiskills.academy.talent.Applications",
            "eu.aiskills.academy.talent.Candidates",
            "eu.aiskills.academy.talent.Postings");

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> PERSISTENCE =
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("org.springframework.jdbc.core..", "java.sql..")
                    .as("JDBC");

    /** ADR 0019: entities are a module's implementation, kept in its {@code internal}. */
    @Test
    void entitiesLiveInInternal() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage("eu.aiskills.academy.*.internal..")
                .check(CLASSES);
    }

    /** ADR 0019: a module's root is its API and {@code ui} its views; SQL lives in {@code internal}, in its stores. */
    @Test
    void sqlStaysInInternal() {
        noClasses().that().resideInAnyPackage("eu.aiskills.academy.*", "eu.aiskills.academy.*.ui..")
                .and().resideOutsideOfPackage("eu.aiskills.academy.shared")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("not listed as still to move",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> !SQL_STILL_OUTSIDE_INTERNAL.contains(c.getName().replaceAll("\\$.*", ""))))
                .should().dependOnClassesThat(PERSISTENCE)
                .because("SQL and JdbcTemplate belong in a module's internal stores (ADR 0019)")
                .check(CLASSES);
    }

    @Test
    void theListOfClassesStillToMoveOnlyShrinks() {
        java.util.List<String> moved = SQL_STILL_OUTSIDE_INTERNAL.stream()
                .filter(name -> CLASSES.stream().filter(c -> c.getName().equals(name) || c.getName().startsWith(name + "$"))
                        .noneMatch(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> PERSISTENCE.test(d.getTargetClass()))))
                .sorted().toList();
        org.assertj.core.api.Assertions.assertThat(moved).as("no longer hold SQL: remove them from SQL_STILL_OUTSIDE_INTERNAL").isEmpty();
    }
}
