package eu.aiskills.academy.enrolment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import eu.aiskills.academy.enrolment.EnrolmentStatus;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.enrolment.LearnerCourse;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/** Asks before cancelling an enrolment (a seat goes to the next person waiting), then cancels and says so. */
final class CancelEnrolment {

    private CancelEnrolment() {
    }

    /** Opens the confirmation; {@code afterwards} runs once the cancellation was tried, to show the new state. */
    static void confirm(Enrolments enrolments, LearnerCourse enrolment, Runnable afterwards) {
        UI ui = UI.getCurrent();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(ui.getTranslation("enrol.cancel.title"));
        dialog.setText(ui.getTranslation(enrolment.status() == EnrolmentStatus.WAITLISTED ? "enrol.cancel.waitlist-text"
                : "enrol.cancel.text", enrolment.run().courseTitle()));
        dialog.setCancelable(true);
        dialog.setCancelText(ui.getTranslation("enrol.cancel.keep"));
        dialog.setConfirmText(ui.getTranslation("enrol.cancel.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirm -> {
            try {
                enrolments.cancel(enrolment.id());
                Views.success(ui.getTranslation("enrol.cancelled"));
            } catch (UserFacingException rejection) {
                Views.error(ui.getTranslation(rejection.messageKey(), rejection.arguments()));
            }
            afterwards.run();
        });
        dialog.open();
    }
}
