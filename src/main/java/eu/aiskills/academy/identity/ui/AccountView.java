package eu.aiskills.academy.identity.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import eu.aiskills.academy.identity.PersonalData;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.DisplayName;
import eu.aiskills.academy.identity.Membership;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.PasswordPolicy;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/** The signed-in person's own account: profile, roles, organisations, password. */
@Route(AccountView.ROUTE)
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "account";

    private final transient AccountManagement accounts;
    private final transient PersonalData personalData;
    private final transient AuthenticationContext authentication;

    final TextField displayName = new TextField();
    final Select<Locale> language = new Select<>();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmation = new PasswordField();

    private final transient eu.aiskills.academy.identity.AccountRecovery recovery;

    AccountView(AccountManagement accounts, OrganisationManagement organisations, PersonalData personalData,
                AuthenticationContext authentication, eu.aiskills.academy.identity.AccountRecovery recovery,
                eu.aiskills.academy.identity.AccountSessions sessions, eu.aiskills.academy.identity.SecondFactor secondFactor) {
        this.recovery = recovery;
        this.accounts = accounts;
        this.personalData = personalData;
        this.authentication = authentication;
        addClassName("academy-account");
        AccountSummary me = accounts.current().orElseThrow();

        add(new H1(getTranslation("account.title")));
        if (secondFactor.requiredAndMissing()) {
            Paragraph required = new Paragraph(getTranslation("second-factor.required-notice"));
            required.addClassName("academy-error");
            required.getElement().setAttribute("role", "alert");
            add(required);
        }
        if (!me.emailVerified()) {
            add(verifyBanner(me));
        }
        add(profile(me));
        add(roles(me));
        add(organisations(organisations));
        add(password());
        add(new SecondFactorPanel(secondFactor, me.secondFactor()));
        add(new SessionsPanel(sessions));
        add(yourData(me));
    }

    /** Until the address is verified: what waits for it, and the link sent again. */
    private Div verifyBanner(AccountSummary me) {
        Div banner = new Div();
        banner.setId("account-verify");
        banner.addClassName("academy-notice");
        banner.getElement().setAttribute("role", "status");
        Button resend = new Button(getTranslation("verify.resend"), click -> {
            try {
                recovery.resendVerification();
                Views.success(getTranslation("verify.resent", me.email()));
                click.getSource().setEnabled(false);
            } catch (UserFacingException rejection) {
                Views.error(getTranslation(rejection.messageKey(), rejection.arguments()));
            }
        });
        resend.addThemeVariants(ButtonVariant.SMALL);
        banner.add(new Paragraph(getTranslation("verify.pending", me.email())), resend);
        return banner;
    }

    /** Download everything the platform holds about me; erase it. */
    private Div yourData(AccountSummary me) {
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = personalData.exportMine().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new DownloadResponse(new java.io.ByteArrayInputStream(json), "my-data.json", "application/json", json.length);
        }), getTranslation("privacy.export"));
        export.addClassName("academy-download");
        Button erase = new Button(getTranslation("privacy.erase"), click -> confirmErase(me));
        erase.addThemeVariants(ButtonVariant.ERROR);
        return section("privacy.title", new Paragraph(getTranslation("privacy.intro")), new Paragraph(export),
                new Paragraph(getTranslation("privacy.erase-intro")), erase);
    }

    private void confirmErase(AccountSummary me) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("privacy.erase"));
        TextField typed = new TextField(getTranslation("privacy.erase-type", me.email()));
        typed.setWidthFull();
        dialog.add(new Paragraph(getTranslation("privacy.erase-explained")), typed);
        Button confirm = new Button(getTranslation("privacy.erase-confirm"), click -> {
            try {
                personalData.eraseMine(typed.getValue());
                dialog.close();
                authentication.logout();
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("confirmation", typed));
            }
        });
        confirm.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        add(dialog);
        dialog.open();
    }

    private Div profile(AccountSummary me) {
        displayName.setLabel(getTranslation("registration.display-name"));
        displayName.setMaxLength(DisplayName.MAX_LENGTH);
        displayName.setValue(me.displayName());
        TextField email = new TextField(getTranslation("registration.email"));
        email.setValue(me.email());
        email.setReadOnly(true);
        language.setLabel(getTranslation("account.language"));
        language.setItems(Translations.SUPPORTED);
        language.setItemLabelGenerator(Translations::languageName);
        language.setValue(Translations.supported(me.preferredLocale() == null ? getLocale() : me.preferredLocale()));
        Button save = new Button(getTranslation("account.save-profile"), e -> saveProfile());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        FormLayout form = new FormLayout(displayName, email, language);
        Paragraph since = new Paragraph(getTranslation("account.member-since",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                        .format(me.createdAt().atZone(ZoneId.systemDefault()))));
        return section("account.profile", form, since, save);
    }

    private Div roles(AccountSummary me) {
        Div badges = new Div();
        badges.addClassName("academy-badges");
        me.roles().stream().sorted().forEach(role -> badges.add(new Badge(getTranslation(role.messageKey()))));
        return section("account.roles", new Paragraph(getTranslation("account.roles.help")), badges);
    }

    private Div organisations(OrganisationManagement organisations) {
        var memberships = organisations.myMemberships();
        if (memberships.isEmpty()) {
            return section("account.organisations", new Paragraph(getTranslation("account.organisations.none")));
        }
        UnorderedList list = new UnorderedList();
        for (Membership m : memberships) {
            list.add(new ListItem(m.organisationName() + " (" + getTranslation(m.organisationKind().messageKey())
                    + ", " + getTranslation(m.role().messageKey()) + ")"));
        }
        return section("account.organisations", list);
    }

    private Div password() {
        currentPassword.setLabel(getTranslation("account.password.current"));
        currentPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        newPassword.setLabel(getTranslation("account.password.new"));
        newPassword.setHelperText(getTranslation("registration.password.help", PasswordPolicy.MIN_LENGTH));
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        newPassword.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setLabel(getTranslation("registration.confirm-password"));
        confirmation.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        Button change = new Button(getTranslation("account.password.change"), e -> changePassword());
        FormLayout form = new FormLayout(currentPassword, newPassword, confirmation);
        return section("account.password", form, change);
    }

    void saveProfile() {
        try {
            accounts.updateProfile(new DisplayName(displayName.getValue()), language.getValue());
            displayName.setInvalid(false);
            Views.success(getTranslation("account.profile.saved"));
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("displayName", displayName));
        }
    }

    void changePassword() {
        if (!newPassword.getValue().equals(confirmation.getValue())) {
            confirmation.setErrorMessage(getTranslation("validation.password.confirmation"));
            confirmation.setInvalid(true);
            return;
        }
        confirmation.setInvalid(false);
        try {
            accounts.changePassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            confirmation.clear();
            currentPassword.setInvalid(false);
            newPassword.setInvalid(false);
            Views.success(getTranslation("account.password.changed"));
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("currentPassword", currentPassword, "password", newPassword));
        }
    }

    private Div section(String titleKey, com.vaadin.flow.component.Component... content) {
        Div section = new Div(new H3(getTranslation(titleKey)));
        section.add(content);
        section.addClassName("academy-section");
        return section;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "account.title");
    }
}
