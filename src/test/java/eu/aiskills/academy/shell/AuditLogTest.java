package eu.aiskills.academy.shell;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Role changes, allocation decisions and publications leave an entry with who did it; only administrators read them. */
@AcademyTest
class AuditLogTest {

    @Autowired
    AuditLog log;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Allocations allocations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }

    @Test
    void securityRelevantActionsAreRecordedWithWhoDidThemAndOnlyAdministratorsReadThem() throws Exception {
        String audited = KaribuSupport.person(context, "audited@example.org", "Aud Ited", Role.STUDENT);
        var account = SystemActor.call(() -> accounts.findByEmail(audited)).orElseThrow();
        KaribuSupport.as(context, "admin@academy.test", () -> {
            accounts.changeRoles(account.id(), EnumSet.of(Role.STUDENT, Role.INSTRUCTOR));
            return null;
        });
        AuditEvent roles = KaribuSupport.as(context, "admin@academy.test", () -> log.recent("roles-changed", 10)).getFirst();
        assertThat(roles.actorName()).isEqualTo("Ada Admin");
        assertThat(roles.subject()).isEqualTo("Aud Ited <audited@example.org>");
        assertThat(roles.details()).isEqualTo("STUDENT → INSTRUCTOR, STUDENT");

        new TestCourses(content, context).course("audit-course").create();
        CourseRun run = catalogue.publishedCourse("audit-course").orElseThrow().runs().getFirst();
        assertThat(KaribuSupport.as(context, "admin@academy.test", () -> log.recent("course-imported", 50)))
                .as("a course from content files is recorded as imported, not as published by someone")
                .anySatisfy(e -> assertThat(e.subject()).isEqualTo("audit-course"));
        Allocation requested = KaribuSupport.as(context, "instructor@academy.test", () -> allocations.request(new AllocationRequest(
                "lumi", "gpu-lab", "fast-lane", run.id().value(), new BigDecimal("40"), "Labs", LocalDate.now(), LocalDate.now().plusDays(30))));
        KaribuSupport.as(context, "operator@academy.test", () -> allocations.approve(requested.id(), new BigDecimal("25"), "Half"));
        AuditEvent granted = KaribuSupport.as(context, "admin@academy.test", () -> log.recent("allocation-granted", 10)).getFirst();
        assertThat(granted.actorName()).isNotEqualTo("platform").isNotBlank();
        assertThat(granted.subject()).startsWith("LUMI AI Factory / gpu-lab");
        assertThat(granted.details()).isEqualTo("requested 40 GPU-hours, granted 25");

        assertThatThrownBy(() -> KaribuSupport.as(context, "student@academy.test", () -> log.recent(null, 10)))
                .isInstanceOf(AccessDeniedException.class);

        KaribuSupport.setUp(context, Locale.ENGLISH);
        KaribuSupport.signIn(context, "admin@academy.test");
        UI.getCurrent().navigate("admin/audit");
        com.vaadin.flow.component.Component view = KaribuSupport.currentView("AuditLogView");
        @SuppressWarnings("unchecked")
        Grid<AuditEvent> grid = _get(view, Grid.class);
        assertThat(grid.getGenericDataView().getItems()).extracting(AuditEvent::action)
                .contains("roles-changed", "allocation-granted", "course-imported");
        @SuppressWarnings("unchecked")
        Select<String> action = _get(view, Select.class);
        action.setValue("allocation-granted");
        assertThat(grid.getGenericDataView().getItems()).extracting(AuditEvent::action).containsOnly("allocation-granted");
    }
}
