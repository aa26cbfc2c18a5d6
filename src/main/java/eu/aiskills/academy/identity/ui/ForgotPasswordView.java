package eu.aiskills.academy.identity.ui;

import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.identity.AccountRecovery;
import eu.aiskills.academy.identity.EmailAddress;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * "Forgot your password?": the address, then the same answer whether or not it has an account
 * (a link, valid 30 minutes, goes to it if it has).
 */
@Route(ForgotPasswordView.ROUTE)
@AnonymousAllowed
class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "forgot-password";

    private final transient AccountRecovery recovery;
    final EmailField email = new EmailField();
    final Button send = new Button();
    final Div answer = new Div();

    ForgotPasswordView(AccountRecovery recovery) {
        this.recovery = recovery;
        addClassName("academy-forgot-password");
        setAlignItems(Alignment.CENTER);
        email.setId("forgot-email");
        email.setLabel(getTranslation("reset.email"));
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setWidth("22em");
        send.setId("forgot-send");
        send.setText(getTranslation("reset.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(e -> send());
        answer.addClassName("academy-notice");
        answer.getElement().setAttribute("role", "status");
        answer.setVisible(false);
        Paragraph intro = new Paragraph(getTranslation("reset.intro"));
        intro.setMaxWidth("34em");
        answer.setMaxWidth("34em");
        add(new H1(getTranslation("reset.title")), intro, email, send, answer,
                new RouterLink(getTranslation("reset.back-to-sign-in"), LoginView.class));
    }

    void send() {
        email.setInvalid(false);
        try {
            new EmailAddress(email.getValue());
            VaadinRequest request = VaadinRequest.getCurrent();
            recovery.requestReset(email.getValue(), request == null ? "unknown" : request.getRemoteAddr());
        } catch (UserFacingException rejection) {
            Views.showRejection(this, rejection, Map.of("email", email));
            return;
        }
        answer.setText(getTranslation("reset.sent", email.getValue()));
        answer.setVisible(true);
        send.setEnabled(false);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "reset.page-title");
    }
}
