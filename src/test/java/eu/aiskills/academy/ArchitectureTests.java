package eu.aiskills.academy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
                .orShould().beAnnotatedWith(PreAuthorize.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("authorisation is checked in the service, whatever the caller")
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
}
