package eu.aiskills.academy.identity.ui;

import java.util.List;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.identity.AccountRecovery;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/** The page the verification link opens: the address is verified, or the link is used or expired (the account page sends a new one). */
@Route(AccountRecovery.VERIFY_ROUTE)
@AnonymousAllowed
class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AccountRecovery recovery;

    VerifyEmailView(AccountRecovery recovery) {
        this.recovery = recovery;
        addClassName("academy-verify-email");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).getFirst();
        add(new H1(getTranslation("verify.title")));
        try {
            recovery.verifyEmail(token);
            Paragraph done = new Paragraph(getTranslation("verify.done"));
            done.getElement().setAttribute("role", "status");
            add(done, new RouterLink(getTranslation("verify.to-account"), AccountView.class));
        } catch (UserFacingException rejection) {
            Paragraph invalid = new Paragraph(getTranslation(rejection.messageKey(), rejection.arguments()));
            invalid.addClassName("academy-error");
            add(invalid, new RouterLink(getTranslation("verify.to-account"), AccountView.class));
        }
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "verify.page-title");
    }
}
