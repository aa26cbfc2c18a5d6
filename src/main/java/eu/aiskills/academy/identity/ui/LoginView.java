package eu.aiskills.academy.identity.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import eu.aiskills.academy.identity.internal.DemoAccounts;
import eu.aiskills.academy.shared.ui.Views;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Sign-in with email and password, or with a configured OpenID Connect provider. */
@Route(LoginView.ROUTE)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "login";
    /** The query parameter naming the page to return to once signed in (a path of this site). */
    public static final String CONTINUE = "continue";
    private static final java.util.regex.Pattern LOCAL_PATH = java.util.regex.Pattern.compile("/[A-Za-z0-9][A-Za-z0-9/_.~%=&?-]{0,299}");

    private final transient AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private final Div notice = new Div();

    LoginView(AuthenticationContext authentication, ObjectProvider<ClientRegistrationRepository> oidcClients,
              @Value("${academy.demo.enabled:false}") boolean demo) {
        this.authentication = authentication;
        addClassName("academy-login");
        setAlignItems(Alignment.CENTER);

        form.setAction(ROUTE);
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        form.setI18n(i18n());

        notice.addClassName("academy-notice");
        notice.setVisible(false);
        notice.getElement().setAttribute("role", "status");

        RouterLink register = new RouterLink(getTranslation("login.register-link"), RegistrationView.class);
        Paragraph newHere = new Paragraph(new Span(getTranslation("login.new-here") + " "), register);

        add(notice, form, newHere);
        List<Component> providers = providerLinks(oidcClients.getIfAvailable());
        if (!providers.isEmpty()) {
            Div external = new Div(new Span(getTranslation("login.or-external")));
            external.addClassName("academy-external-providers");
            providers.forEach(external::add);
            add(external);
        }
        if (demo) {
            add(demoHint());
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.email"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot-password"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.email-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    private List<Component> providerLinks(ClientRegistrationRepository clients) {
        List<Component> links = new ArrayList<>();
        if (clients instanceof Iterable<?> registrations) {
            for (Object item : registrations) {
                if (item instanceof ClientRegistration registration) {
                    Anchor link = new Anchor("oauth2/authorization/" + registration.getRegistrationId(),
                            getTranslation("login.with-provider", registration.getClientName()));
                    link.setRouterIgnore(true);
                    link.addClassName("academy-provider-link");
                    links.add(link);
                }
            }
        }
        return links;
    }

    private Component demoHint() {
        Div hint = new Div();
        hint.addClassName("academy-demo-hint");
        hint.add(new H2(getTranslation("login.demo.title")));
        hint.add(new Paragraph(getTranslation("login.demo.text")));
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (DemoAccounts.Demo account : DemoAccounts.ACCOUNTS) {
            String roles = account.roles().stream().map(r -> getTranslation(r.messageKey()))
                    .collect(java.util.stream.Collectors.joining(", "));
            Span credentials = new Span(account.email() + " / " + account.password());
            credentials.addClassName("academy-mono");
            list.add(new com.vaadin.flow.component.html.ListItem(new Span(roles + ": "), credentials));
        }
        hint.add(list);
        return hint;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        com.vaadin.flow.server.WrappedSession session = com.vaadin.flow.server.VaadinSession.getCurrent().getSession();
        String destination = parameters.getOrDefault(CONTINUE, List.of("")).getFirst();
        if (LOCAL_PATH.matcher(destination).matches() && !destination.contains("//")) {
            // Where Spring Security's sign-in returns to: the page that asked the person to sign in.
            session.setAttribute("SPRING_SECURITY_SAVED_REQUEST",
                    new org.springframework.security.web.savedrequest.SimpleSavedRequest(destination));
        }
        if (parameters.containsKey("error")) {
            List<String> error = parameters.get("error");
            LoginI18n i18n = i18n();
            if (error.contains("locked")) {
                i18n.getErrorMessage().setTitle(getTranslation("login.error.locked-title"));
                i18n.getErrorMessage().setMessage(getTranslation("login.error.locked",
                        parameters.getOrDefault("minutes", List.of("15")).getFirst().replaceAll("\\D", "")));
            } else if (error.contains("disabled")) {
                i18n.getErrorMessage().setTitle(getTranslation("login.error.disabled-title"));
                i18n.getErrorMessage().setMessage(getTranslation("login.error.disabled"));
            }
            form.setI18n(i18n);
            form.setError(true);
            if (error.contains("external")) {
                showNotice(getTranslation("login.error.external"));
            }
        }
        Object typed = session.getAttribute(eu.aiskills.academy.identity.internal.SignInOutcomes.TYPED_EMAIL);
        if (typed instanceof String email) {
            session.removeAttribute(eu.aiskills.academy.identity.internal.SignInOutcomes.TYPED_EMAIL);
            // The address typed before the refusal stays; the password does not.
            // The form renders its fields after it is attached: tried again until they are there (at most 5 s).
            form.getElement().executeJs("const form = this; const email = $0; let tries = 0;"
                    + " const fill = () => { const field = form.querySelector('input[name=\"username\"]');"
                    + " if (!field) { if (tries++ < 50) { setTimeout(fill, 100); } return; }"
                    + " const host = field.closest('vaadin-text-field'); if (host) { host.value = email; } else { field.value = email; }"
                    + " const password = form.querySelector('input[name=\"password\"]'); if (password) { password.focus(); } };"
                    + " fill();", email);
        }
        if (parameters.containsKey("registered")) {
            showNotice(getTranslation("login.registered"));
        }
        if (parameters.containsKey("reset")) {
            showNotice(getTranslation("login.reset"));
        }
        if (parameters.containsKey("code-expired")) {
            showNotice(getTranslation("second-factor.expired"));
        }
        if (parameters.containsKey("signed-out")) {
            showNotice(getTranslation("login.signed-out-elsewhere"));
        }
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "login.page-title");
    }
}
