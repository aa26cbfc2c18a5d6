package eu.aiskills.academy.identity.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.SecondFactor;
import org.springframework.stereotype.Component;

/**
 * Where a role requires a second factor (administrators and AI Factory operators in {@code prod}),
 * a person of that role without one is taken to their account page, to set it up, from any
 * other page.
 */
@Component
class SecondFactorRequirement implements VaadinServiceInitListener {

    private final transient SecondFactor secondFactor;

    SecondFactorRequirement(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (CurrentUser.id().isEmpty() || event.getNavigationTarget() == AccountView.class) {
            return;
        }
        if (secondFactor.requiredAndMissing()) {
            event.forwardTo(AccountView.ROUTE, com.vaadin.flow.router.QueryParameters.of("second-factor-required", ""));
        }
    }
}
