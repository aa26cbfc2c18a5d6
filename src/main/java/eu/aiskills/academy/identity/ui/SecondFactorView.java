package eu.aiskills.academy.identity.ui;

import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.identity.internal.SecondFactorCodes;
import eu.aiskills.academy.identity.internal.SecondFactorStep;
import eu.aiskills.academy.identity.internal.SessionSignIn;
import eu.aiskills.academy.shared.ui.Views;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The second step of a sign-in: the code from the authenticator app, or a recovery code. Five
 * minutes and five tries after the password; then the password again.
 */
@Route(SecondFactorStep.ROUTE)
@AnonymousAllowed
class SecondFactorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int TRIES = 5;

    private final transient SecondFactorCodes codes;
    private final transient SessionSignIn signIn;
    final TextField code = new TextField();
    final Button verify = new Button();

    SecondFactorView(SecondFactorCodes codes, SessionSignIn signIn) {
        this.codes = codes;
        this.signIn = signIn;
        addClassName("academy-second-factor");
        setAlignItems(Alignment.CENTER);
        code.setId("second-factor-code");
        code.setLabel(getTranslation("second-factor.code"));
        code.setHelperText(getTranslation("second-factor.code-help"));
        code.setMaxLength(19);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setAutofocus(true);
        code.setWidth("18em");
        verify.setId("second-factor-verify");
        verify.setText(getTranslation("second-factor.verify"));
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        verify.addClickListener(e -> verify());
        Paragraph intro = new Paragraph(getTranslation("second-factor.intro"));
        intro.setMaxWidth("34em");
        add(new H1(getTranslation("second-factor.title")), intro, code, verify,
                new RouterLink(getTranslation("reset.back-to-sign-in"), LoginView.class));
    }

    private static SecondFactorStep.Pending pending() {
        Object value = VaadinSession.getCurrent().getSession().getAttribute(SecondFactorStep.PENDING);
        return value instanceof SecondFactorStep.Pending p && p.since().plus(WINDOW).isAfter(Instant.now()) && p.attempts() < TRIES
                ? p : null;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (pending() == null) {
            event.forwardTo(LoginView.ROUTE, QueryParameters.of("code-expired", ""));
        }
    }

    void verify() {
        SecondFactorStep.Pending pending = pending();
        if (pending == null) {
            getUI().ifPresent(ui -> ui.navigate(LoginView.ROUTE, QueryParameters.of("code-expired", "")));
            return;
        }
        if (!codes.verify(pending.account(), code.getValue())) {
            VaadinSession.getCurrent().getSession().setAttribute(SecondFactorStep.PENDING,
                    new SecondFactorStep.Pending(pending.account(), pending.since(), pending.attempts() + 1));
            code.setErrorMessage(getTranslation("second-factor.code-wrong"));
            code.setInvalid(true);
            code.clear();
            code.focus();
            return;
        }
        Object saved = VaadinSession.getCurrent().getSession().getAttribute("SPRING_SECURITY_SAVED_REQUEST");
        String destination = saved instanceof SavedRequest request && request.getRedirectUrl().startsWith("/")
                && !request.getRedirectUrl().startsWith("//") ? request.getRedirectUrl() : "/";
        // Signed in now, in a session with a new id.
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession.getCurrent().getSession().removeAttribute(SecondFactorStep.PENDING);
        VaadinSession.getCurrent().getSession().removeAttribute("SPRING_SECURITY_SAVED_REQUEST");
        signIn.signIn(pending.account(), VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        getUI().ifPresent(ui -> ui.getPage().setLocation(destination));
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "second-factor.page-title");
    }
}
