package eu.aiskills.academy.identity.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.identity.AccountRecovery;
import eu.aiskills.academy.identity.PasswordPolicy;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/** The page a reset link opens: a new password, twice; a used or expired link says so and leads to a new one. */
@Route(AccountRecovery.RESET_ROUTE)
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountRecovery recovery;
    final PasswordField password = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button save = new Button();
    private String token;

    ResetPasswordView(AccountRecovery recovery) {
        this.recovery = recovery;
        addClassName("academy-reset-password");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).getFirst();
        add(new H1(getTranslation("reset.new-title")));
        if (!recovery.resetLinkValid(token)) {
            Paragraph invalid = new Paragraph(getTranslation("reset.link-invalid"));
            invalid.addClassName("academy-error");
            add(invalid, new RouterLink(getTranslation("reset.ask-again"), ForgotPasswordView.class));
            return;
        }
        password.setId("reset-password");
        password.setLabel(getTranslation("account.password.new"));
        password.setHelperText(getTranslation("registration.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setRequiredIndicatorVisible(true);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmation.setId("reset-confirmation");
        confirmation.setLabel(getTranslation("registration.confirm-password"));
        confirmation.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmation.setRequiredIndicatorVisible(true);
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        save.setId("reset-save");
        save.setText(getTranslation("reset.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> save());
        FormLayout form = new FormLayout(password, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("24em");
        Paragraph intro = new Paragraph(getTranslation("reset.new-intro"));
        intro.setMaxWidth("34em");
        add(intro, form, save);
    }

    void save() {
        password.setInvalid(false);
        confirmation.setInvalid(false);
        if (confirmation.getValue().isEmpty() || !confirmation.getValue().equals(password.getValue())) {
            confirmation.setErrorMessage(getTranslation("validation.password.confirmation"));
            confirmation.setInvalid(true);
            return;
        }
        try {
            recovery.resetPassword(token, password.getValue());
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("password", password));
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(LoginView.ROUTE, QueryParameters.of("reset", "")));
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "reset.page-title");
    }
}
