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

    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> PERSISTENCE =
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "jakarta.persistence..")
                    .as("JDBC or JPA");

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
                .should().dependOnClassesThat(PERSISTENCE)
                .because("SQL and JdbcTemplate belong in a module's internal stores (ADR 0019)")
                .check(CLASSES);
    }

    /** ADR 0019: views call the module's services, which check who calls them; never its stores, repositories or entities. */
    @Test
    void viewsNeverReachPersistence() {
        noClasses().that().resideInAPackage("eu.aiskills.academy.*.ui..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("a store, repository or entity",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().contains(".internal")
                                && (c.getSimpleName().endsWith("Store") || c.isAnnotatedWith(jakarta.persistence.Entity.class)
                                        || c.isAssignableTo(org.springframework.data.repository.Repository.class))))
                .check(CLASSES);
    }

    /** Lines a main class may have before its opening comment must say why it is long (issue 18). */
    static final int LONG_CLASS_LINES = 300;

    /**
     * A main class longer than {@link #LONG_CLASS_LINES} says why in its opening comment, in a
     * sentence that starts "Long because": a class grows past it only on purpose.
     */
    @Test
    void longClassesSayWhy() throws java.io.IOException {
        java.util.List<String> silent = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
                if (lines.size() <= LONG_CLASS_LINES) {
                    continue;
                }
                int declaration = 0;
                while (declaration < lines.size() && !lines.get(declaration).matches("^(public |abstract |final |sealed |non-sealed )*(class|interface|record|enum|@interface) .*")) {
                    declaration++;
                }
                String opening = String.join(" ", lines.subList(0, declaration)).replaceAll("\\s*\\*\\s*", " ");
                if (!opening.contains("Long because")) {
                    silent.add(file + " (" + lines.size() + " lines)");
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(silent).as("longer than %d lines without 'Long because' in the opening comment",
                LONG_CLASS_LINES).isEmpty();
    }
}
