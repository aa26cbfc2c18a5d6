package eu.aiskills.academy.shell.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.shell.AuditEvent;
import eu.aiskills.academy.shell.AuditLog;
import jakarta.annotation.security.RolesAllowed;

/** Administrators read who changed roles, published, approved, granted and revoked, newest first. */
@Route("admin/audit")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.admin.audit", order = 95, icon = "vaadin:clipboard-text")
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    static final String ALL = "";
    private static final int SHOWN = 200;

    private final transient AuditLog log;
    final Select<String> action = new Select<>();
    final Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);

    AuditLogView(AuditLog log) {
        this.log = log;
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(AuditLog.ACTIONS);
        action.setLabel(getTranslation("audit.filter"));
        action.setItems(choices);
        action.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("audit.all") : getTranslation("audit.action." + a));
        action.setValue(ALL);
        action.addValueChangeListener(e -> show());
        ZoneId zone = ZoneId.systemDefault();
        grid.addColumn(e -> Views.dateTime(this, e.occurredAt(), zone)).setHeader(getTranslation("audit.when")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEvent::actorName).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.messageKey())).setHeader(getTranslation("audit.what")).setAutoWidth(true);
        grid.addColumn(AuditEvent::subject).setHeader(getTranslation("audit.subject")).setFlexGrow(2);
        grid.addColumn(AuditEvent::details).setHeader(getTranslation("audit.details")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(getTranslation("audit.title"));
        Paragraph intro = new Paragraph(getTranslation("audit.intro", SHOWN));
        intro.addClassName("academy-note");
        add(new H1(getTranslation("audit.title")), intro, action, grid);
        setSizeFull();
        show();
    }

    private void show() {
        grid.setItems(log.recent(action.getValue() == null || action.getValue().isEmpty() ? null : action.getValue(), SHOWN));
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "audit.title");
    }
}
