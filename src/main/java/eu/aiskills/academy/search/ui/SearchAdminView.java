package eu.aiskills.academy.search.ui;

import java.util.List;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.search.IndexStatus;
import eu.aiskills.academy.search.RebuildReport;
import eu.aiskills.academy.search.SearchAdministration;
import eu.aiskills.academy.search.SearchUnavailableException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Administrators see each search index (alias, physical index, definition versions, documents)
 * and rebuild one without downtime, with progress while it runs.
 */
@Route("admin/search")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.admin.search", order = 92, icon = "vaadin:search-plus")
class SearchAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient SearchAdministration administration;
    private final transient TaskExecutor executor;
    final Grid<IndexStatus> grid = new Grid<>();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Paragraph message = new Paragraph();

    SearchAdminView(SearchAdministration administration, TaskExecutor applicationTaskExecutor) {
        this.administration = administration;
        this.executor = applicationTaskExecutor;
        setSizeFull();
        grid.addColumn(IndexStatus::alias).setHeader(getTranslation("admin.search.alias")).setAutoWidth(true);
        grid.addColumn(s -> s.index() == null ? "—" : s.index()).setHeader(getTranslation("admin.search.index")).setAutoWidth(true);
        grid.addColumn(s -> s.indexVersion() + " / " + s.definitionVersion())
                .setHeader(getTranslation("admin.search.versions")).setAutoWidth(true);
        grid.addColumn(IndexStatus::documents).setHeader(getTranslation("admin.search.documents"));
        grid.addComponentColumn(s -> {
            Button rebuild = new Button(getTranslation("admin.search.rebuild"), e -> rebuild(s.name(), e.getSource()));
            rebuild.addThemeVariants(ButtonVariant.SMALL);
            rebuild.setAriaLabel(getTranslation("admin.search.rebuild-named", s.alias()));
            return rebuild;
        }).setHeader(getTranslation("admin.accounts.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("admin.search.progress"));
        message.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("admin.search.title")), new Paragraph(getTranslation("admin.search.intro")), grid,
                progress, message);
        refresh();
    }

    private void refresh() {
        try {
            List<IndexStatus> status = administration.status();
            grid.setItems(status);
        } catch (SearchUnavailableException e) {
            grid.setItems(List.of());
            message.setText(getTranslation("search.unavailable"));
        }
    }

    private void rebuild(String name, Button button) {
        UI ui = UI.getCurrent();
        button.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        message.setText(getTranslation("admin.search.rebuilding", name));
        ui.setPollInterval(500);
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                RebuildReport report = administration.rebuild(name, value -> ui.access(() -> progress.setValue(value)));
                ui.access(() -> finish(button, getTranslation("admin.search.rebuilt", report.name(), report.documents(),
                        report.took().toMillis()), false));
            } catch (RuntimeException e) {
                ui.access(() -> finish(button, getTranslation("admin.search.failed", name, e.getMessage()), true));
            }
        }));
    }

    private void finish(Button button, String text, boolean failed) {
        UI.getCurrent().setPollInterval(-1);
        progress.setVisible(false);
        button.setEnabled(true);
        message.setText(text);
        if (failed) {
            Views.error(text);
        } else {
            Views.success(text);
        }
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "admin.search.title");
    }
}
