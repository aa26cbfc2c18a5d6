package eu.aiskills.academy.shell.ui;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * What the person sees when an action fails and the view did not handle it: a rejection in
 * their language, a plain "not allowed", or for a fault a reference they can quote, which
 * the log carries with the stack trace.
 */
@Component
class UiErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootOfInterest(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside a UI", cause);
            return;
        }
        String message;
        if (cause instanceof UserFacingException rejection) {
            message = ui.getTranslation(rejection.messageKey(), rejection.arguments());
            log.info("Rejected: {}", rejection.getMessage());
        } else if (cause instanceof AccessDeniedException || cause instanceof AuthenticationCredentialsNotFoundException) {
            message = ui.getTranslation("error.not-allowed");
            log.warn("Access denied: {}", cause.getMessage());
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            message = ui.getTranslation("error.unexpected", reference);
            log.error("Unexpected error, reference {}", reference, cause);
        }
        Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.ERROR);
    }

    private static Throwable rootOfInterest(Throwable thrown) {
        Throwable current = thrown;
        while (current != null) {
            if (current instanceof UserFacingException || current instanceof AccessDeniedException
                    || current instanceof AuthenticationCredentialsNotFoundException) {
                return current;
            }
            current = current.getCause();
        }
        return thrown;
    }
}
