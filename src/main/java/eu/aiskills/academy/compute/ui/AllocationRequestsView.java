package eu.aiskills.academy.compute.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationStatus;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.FactorySummary;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** The allocation requests of the factories an operator runs: approve (possibly fewer hours) or reject with a reason. */
@Route("operator/allocations")
@RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
@Menu(title = "nav.allocation-requests", order = 22, icon = "vaadin:clipboard-check")
class AllocationRequestsView extends VerticalLayout implements HasDynamicTitle {

    private final transient Allocations allocations;
    private final transient AccountManagement accounts;

    AllocationRequestsView(Allocations allocations, AccountManagement accounts) {
        this.allocations = allocations;
        this.accounts = accounts;
        addClassName("academy-allocation-requests");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("operator.title")));
        List<FactorySummary> factories = allocations.operatedFactories();
        if (factories.isEmpty()) {
            add(new Paragraph(getTranslation("operator.none")));
        }
        int quiet = 0;
        for (FactorySummary factory : factories) {
            List<Allocation> requests = allocations.forFactory(factory.id());
            if (requests.isEmpty()) {
                // Factories without requests are summed up below rather than listed one empty heading each.
                quiet++;
                continue;
            }
            add(new H2(factory.name()));
            Map<AccountId, String> names = accounts.displayNames(requests.stream().map(a -> new AccountId(a.requester())).toList());
            Grid<Allocation> grid = new Grid<>();
            grid.addColumn(a -> names.getOrDefault(new AccountId(a.requester()), "?")).setHeader(getTranslation("operator.col.requester"));
            grid.addColumn(Allocation::partition).setHeader(getTranslation("gpu.field.partition"));
            grid.addColumn(Allocation::accessMode).setHeader(getTranslation("gpu.field.mode"));
            grid.addColumn(a -> plain(a.requestedHours())).setHeader(getTranslation("operator.col.requested"));
            grid.addColumn(a -> a.grantedHours() == null ? "" : plain(a.grantedHours())).setHeader(getTranslation("operator.col.granted"));
            grid.addColumn(a -> Views.date(this, a.validFrom()) + " – " + Views.date(this, a.validUntil()))
                    .setHeader(getTranslation("operator.col.validity"));
            grid.addColumn(a -> getTranslation(a.status().messageKey())).setHeader(getTranslation("authoring.field.status"));
            grid.addColumn(Allocation::justification).setHeader(getTranslation("gpu.field.justification")).setFlexGrow(2);
            grid.addComponentColumn(a -> {
                Div actions = new Div();
                actions.addClassName("academy-row-actions");
                if (a.status() == AllocationStatus.REQUESTED) {
                    Button approve = new Button(getTranslation("operator.approve"), click -> decide(a, true));
                    approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
                    Button reject = new Button(getTranslation("operator.reject"), click -> decide(a, false));
                    reject.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
                    actions.add(approve, reject);
                }
                return actions;
            }).setHeader(getTranslation("authoring.actions")).setAutoWidth(true).setKey("actions");
            grid.setItems(requests);
            grid.setAllRowsVisible(true);
            add(grid);
        }
        if (quiet > 0) {
            add(new Paragraph(factories.size() == 1 ? getTranslation("operator.no-requests")
                    : getTranslation("operator.quiet", quiet, String.join(", ", factories.stream().map(FactorySummary::name)
                    .filter(name -> getChildren().noneMatch(c -> c instanceof H2 h && h.getText().equals(name))).toList()))));
        }
    }

    private void decide(Allocation allocation, boolean approve) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(approve ? "operator.approve" : "operator.reject"));
        BigDecimalField hours = new BigDecimalField(getTranslation("operator.col.granted"));
        hours.setValue(allocation.requestedHours());
        hours.setHelperText(getTranslation("operator.hours-help", plain(allocation.requestedHours())));
        TextArea note = new TextArea(getTranslation(approve ? "operator.note" : "operator.reason"));
        note.setMaxLength(Allocations.NOTE_MAX_LENGTH);
        note.setWidthFull();
        if (approve) {
            dialog.add(hours);
        }
        dialog.add(note);
        Button confirm = new Button(getTranslation(approve ? "operator.approve" : "operator.reject"), click -> {
            try {
                if (approve) {
                    allocations.approve(allocation.id(), hours.getValue(), note.getValue());
                } else {
                    allocations.reject(allocation.id(), note.getValue());
                }
                dialog.close();
                Views.success(getTranslation(approve ? "operator.approved" : "operator.rejected"));
                render();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("hours", hours, "note", note));
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "operator.title");
    }
}
