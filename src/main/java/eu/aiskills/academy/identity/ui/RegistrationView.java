package eu.aiskills.academy.identity.ui;

import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import eu.aiskills.academy.identity.DisplayName;
import eu.aiskills.academy.identity.EmailAddress;
import eu.aiskills.academy.identity.NewAccount;
import eu.aiskills.academy.identity.PasswordPolicy;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * Self-registration. Each field says what is wrong as soon as it is left, and again on
 * submit; the service checks everything once more, so the form is a convenience, not the guard.
 */
@Route(RegistrationView.ROUTE)
@AnonymousAllowed
public class RegistrationView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    public static final String ROUTE = "register";

    private final transient Registration registration;
    private final transient AuthenticationContext authentication;

    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Button submit = new Button();

    private final transient eu.aiskills.academy.identity.internal.SessionSignIn signIn;

    RegistrationView(Registration registration, AuthenticationContext authentication,
                     eu.aiskills.academy.identity.internal.SessionSignIn signIn) {
        this.signIn = signIn;
        this.registration = registration;
        this.authentication = authentication;
        addClassName("academy-registration");
        setAlignItems(Alignment.CENTER);

        H1 title = new H1(getTranslation("registration.title"));
        Paragraph intro = new Paragraph(getTranslation("registration.intro"));

        displayName.setId("registration-name");
        email.setId("registration-email");
        password.setId("registration-password");
        confirmation.setId("registration-confirmation");
        roles.setId("registration-roles");
        submit.setId("registration-submit");
        displayName.setLabel(getTranslation("registration.display-name"));
        displayName.setMaxLength(DisplayName.MAX_LENGTH);
        displayName.setRequiredIndicatorVisible(true);
        displayName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        displayName.addBlurListener(e -> validateDisplayName());

        email.setLabel(getTranslation("registration.email"));
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        email.addBlurListener(e -> validateEmail());

        password.setLabel(getTranslation("registration.password"));
        password.setHelperText(getTranslation("registration.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setRequiredIndicatorVisible(true);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.addBlurListener(e -> validatePassword());

        confirmation.setLabel(getTranslation("registration.confirm-password"));
        confirmation.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmation.setRequiredIndicatorVisible(true);
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.addBlurListener(e -> validateConfirmation());

        roles.setLabel(getTranslation("registration.roles"));
        roles.setItems(Role.selfAssignableRoles());
        roles.setItemLabelGenerator(role -> getTranslation("registration.role." + role.name().toLowerCase(java.util.Locale.ROOT)));
        roles.setValue(Set.of(Role.STUDENT));
        roles.setRequiredIndicatorVisible(true);

        submit.setText(getTranslation("registration.submit"));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> submit());

        FormLayout form = new FormLayout(displayName, email, password, confirmation, roles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        RouterLink signInLink = new RouterLink(getTranslation("registration.sign-in-link"), LoginView.class);
        Paragraph haveAccount = new Paragraph(new Span(getTranslation("registration.have-account") + " "), signInLink);

        add(title, intro, form, submit, haveAccount);
    }

    private boolean validateDisplayName() {
        return check(displayName, () -> new DisplayName(displayName.getValue()));
    }

    private boolean validateEmail() {
        return check(email, () -> new EmailAddress(email.getValue()));
    }

    private boolean validatePassword() {
        return check(password, () -> PasswordPolicy.check(password.getValue(), email.getValue(), displayName.getValue()));
    }

    private boolean validateConfirmation() {
        boolean matches = !confirmation.getValue().isEmpty() && confirmation.getValue().equals(password.getValue());
        setError(confirmation, matches ? null : getTranslation("validation.password.confirmation"));
        return matches;
    }

    private boolean validateRoles() {
        boolean chosen = !roles.getValue().isEmpty();
        roles.setErrorMessage(chosen ? null : getTranslation("validation.roles.required"));
        roles.setInvalid(!chosen);
        return chosen;
    }

    private boolean check(HasValidation field, Runnable validation) {
        try {
            validation.run();
            setError(field, null);
            return true;
        } catch (UserFacingException rejection) {
            setError(field, getTranslation(rejection.messageKey(), rejection.arguments()));
            return false;
        }
    }

    private static void setError(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(message != null);
    }

    void submit() {
        boolean valid = validateDisplayName() & validateEmail() & validatePassword() & validateConfirmation() & validateRoles();
        if (!valid) {
            return;
        }
        eu.aiskills.academy.identity.AccountId id;
        try {
            id = registration.register(NewAccount.of(email.getValue(), displayName.getValue(), password.getValue(),
                    roles.getValue(), getLocale()));
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("email", email, "displayName", displayName,
                    "password", password, "roles", roles));
            return;
        }
        // Signed in at once, in a session with a new id; the account page then asks for the address to be verified.
        com.vaadin.flow.server.VaadinService.reinitializeSession(com.vaadin.flow.server.VaadinRequest.getCurrent());
        signIn.signIn(id, com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest(),
                com.vaadin.flow.server.VaadinServletResponse.getCurrent().getHttpServletResponse());
        getUI().ifPresent(ui -> ui.getPage().setLocation(AccountView.ROUTE + "?welcome"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "registration.page-title");
    }
}
