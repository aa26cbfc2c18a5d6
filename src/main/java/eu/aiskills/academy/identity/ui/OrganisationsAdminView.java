package eu.aiskills.academy.identity.ui;

import java.util.EnumSet;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import eu.aiskills.academy.identity.EmailAddress;
import eu.aiskills.academy.identity.Membership;
import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.OrganisationSummary;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.RolesAllowed;

/** Administrators register organisations and say who acts for them. */
@Route("admin/organisations")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.admin.organisations", order = 91, icon = "vaadin:building")
public class OrganisationsAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final int FILTER_MAX_LENGTH = 100;

    private final transient OrganisationManagement organisations;
    final TextField filter = Views.searchField(this, "admin.organisations.filter", FILTER_MAX_LENGTH, this::refresh);
    final Grid<OrganisationSummary> grid = new Grid<>();

    OrganisationsAdminView(OrganisationManagement organisations) {
        this.organisations = organisations;
        setSizeFull();
        Button create = new Button(getTranslation("admin.organisations.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.PRIMARY);


        grid.addColumn(OrganisationSummary::name).setHeader(getTranslation("admin.organisations.name")).setFlexGrow(2);
        grid.addColumn(o -> getTranslation(o.kind().messageKey())).setHeader(getTranslation("admin.organisations.kind"));
        grid.addColumn(o -> o.country() == null ? "" : o.country()).setHeader(getTranslation("admin.organisations.country"));
        grid.addColumn(OrganisationSummary::memberCount).setHeader(getTranslation("admin.organisations.members"));
        grid.addComponentColumn(o -> {
            Button members = new Button(getTranslation("admin.organisations.manage-members"), e -> openMembers(o));
            members.addThemeVariants(ButtonVariant.SMALL);
            members.setAriaLabel(getTranslation("admin.organisations.manage-members-of", o.name()));
            return members;
        }).setHeader(getTranslation("admin.accounts.actions")).setAutoWidth(true);
        grid.setItems(query -> organisations.search(filter.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setSizeFull();

        HorizontalLayout bar = new HorizontalLayout(filter, create);
        bar.setWidthFull();
        bar.expand(filter);
        add(new H1(getTranslation("admin.organisations.title")), bar, grid);
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.organisations.new"));
        TextField name = new TextField(getTranslation("admin.organisations.name"));
        name.setMaxLength(NewOrganisation.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        Select<OrganisationKind> kind = new Select<>();
        kind.setLabel(getTranslation("admin.organisations.kind"));
        kind.setItems(EnumSet.allOf(OrganisationKind.class));
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setRequiredIndicatorVisible(true);
        TextField country = new TextField(getTranslation("admin.organisations.country"));
        country.setMaxLength(2);
        country.setHelperText(getTranslation("admin.organisations.country.help"));
        TextField website = new TextField(getTranslation("admin.organisations.website"));
        website.setMaxLength(NewOrganisation.WEBSITE_MAX_LENGTH);
        website.setPlaceholder("https://");
        Button save = new Button(getTranslation("common.create"), e -> {
            try {
                organisations.create(new NewOrganisation(name.getValue(), kind.getValue(), country.getValue(), website.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Views.success(getTranslation("admin.organisations.created", name.getValue()));
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("name", name, "kind", kind, "country", country, "website", website));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new FormLayout(name, kind, country, website));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openMembers(OrganisationSummary organisation) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.organisations.members-of", organisation.name()));
        dialog.setWidth("min(48rem, 95vw)");
        Grid<Membership> members = new Grid<>();
        members.addColumn(Membership::accountDisplayName).setHeader(getTranslation("admin.accounts.name"));
        members.addColumn(Membership::accountEmail).setHeader(getTranslation("admin.accounts.email"));
        members.addColumn(m -> getTranslation(m.role().messageKey())).setHeader(getTranslation("admin.organisations.member-role"));
        members.addComponentColumn(m -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                organisations.removeMember(organisation.id(), m.accountId());
                members.setItems(organisations.members(organisation.id()));
                grid.getDataProvider().refreshAll();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("admin.organisations.remove-member", m.accountDisplayName()));
            return remove;
        }).setAutoWidth(true);
        members.setItems(organisations.members(organisation.id()));
        members.setAllRowsVisible(true);

        EmailField email = new EmailField(getTranslation("admin.organisations.member-email"));
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setValueChangeMode(ValueChangeMode.EAGER);
        ComboBox<MembershipRole> role = new ComboBox<>(getTranslation("admin.organisations.member-role"));
        role.setItems(MembershipRole.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setValue(MembershipRole.MEMBER);
        Button add = new Button(getTranslation("admin.organisations.add-member"), e -> {
            try {
                organisations.addMember(organisation.id(), email.getValue(), role.getValue());
                email.clear();
                email.setInvalid(false);
                members.setItems(organisations.members(organisation.id()));
                grid.getDataProvider().refreshAll();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("email", email, "role", role));
            }
        });
        HorizontalLayout addRow = new HorizontalLayout(email, role, add);
        addRow.setAlignItems(Alignment.BASELINE);
        addRow.setWrap(true);
        dialog.add(new VerticalLayout(members, addRow));
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "admin.organisations.title");
    }
}
