package eu.aiskills.academy.identity.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** Administrators find accounts and change their roles or disable them. */
@Route("admin/accounts")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.admin.accounts", order = 90, icon = "vaadin:users")
public class AccountsAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final int FILTER_MAX_LENGTH = 100;

    private final transient AccountManagement accounts;
    final TextField filter = Views.searchField(this, "admin.accounts.filter", FILTER_MAX_LENGTH, this::refresh);
    final Grid<AccountSummary> grid = new Grid<>();

    AccountsAdminView(AccountManagement accounts) {
        this.accounts = accounts;
        setSizeFull();
        add(new H1(getTranslation("admin.accounts.title")));


        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("admin.accounts.name")).setAutoWidth(true);
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("admin.accounts.email")).setAutoWidth(true);
        grid.addColumn(a -> a.roles().stream().sorted().map(r -> getTranslation(r.messageKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("admin.accounts.roles"));
        grid.addColumn(a -> date.format(a.createdAt().atZone(ZoneId.systemDefault())))
                .setHeader(getTranslation("admin.accounts.created")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.enabled() ? "admin.accounts.active" : "admin.accounts.disabled"))
                .setHeader(getTranslation("admin.accounts.status")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button edit = new Button(getTranslation("admin.accounts.edit"), e -> edit(a));
            edit.addThemeVariants(ButtonVariant.SMALL);
            edit.setAriaLabel(getTranslation("admin.accounts.edit-named", a.displayName()));
            return edit;
        }).setHeader(getTranslation("admin.accounts.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setItems(query -> accounts.search(filter.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setSizeFull();
        add(filter, grid);
    }

    private void edit(AccountSummary account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.accounts.edit-title", account.displayName()));
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("admin.accounts.roles"));
        roles.setItems(EnumSet.allOf(Role.class));
        roles.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        roles.setValue(account.roles());
        Checkbox enabled = new Checkbox(getTranslation("admin.accounts.enabled"), account.enabled());
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                accounts.changeRoles(account.id(), roles.getValue());
                if (enabled.getValue() != account.enabled()) {
                    accounts.setEnabled(account.id(), enabled.getValue());
                }
                dialog.close();
                grid.getDataProvider().refreshAll();
                Views.success(getTranslation("admin.accounts.saved", account.displayName()));
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("roles", roles));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(new VerticalLayout(roles, enabled));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "admin.accounts.title");
    }
}
