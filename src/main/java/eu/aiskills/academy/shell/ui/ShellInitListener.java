package eu.aiskills.academy.shell.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.shared.Translations;
import org.springframework.stereotype.Component;

/**
 * Sets up every new browser tab: language (the account's choice, else the cookie, else the
 * browser's), colour scheme, and the error handler for what a view does not handle itself.
 */
@Component
class ShellInitListener implements VaadinServiceInitListener {

    private final AccountManagement accounts;
    private final UiErrorHandler errorHandler;

    ShellInitListener(AccountManagement accounts, UiErrorHandler errorHandler) {
        this.accounts = accounts;
        this.errorHandler = errorHandler;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(errorHandler));
        event.getSource().addUIInitListener(init -> configure(init.getUI()));
    }

    private void configure(UI ui) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        Locale locale = accounts.current()
                .map(AccountSummary::preferredLocale)
                .or(() -> Preferences.cookieLocale(request))
                .orElse(ui.getLocale());
        Locale supported = Translations.supported(locale);
        ui.setLocale(supported);
        ui.getSession().setLocale(supported);
        ui.getElement().executeJs("document.documentElement.lang = $0", supported.getLanguage());
        Preferences.cookieScheme(request).ifPresent(scheme -> ui.getPage().setColorScheme(scheme));
    }
}
