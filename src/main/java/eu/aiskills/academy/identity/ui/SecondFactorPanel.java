package eu.aiskills.academy.identity.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.identity.SecondFactor;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The account page's two-step sign-in: set up with a QR code (or the key typed in) and a first
 * code, recovery codes shown once; turned off with the password.
 */
class SecondFactorPanel extends Div {

    private final transient SecondFactor secondFactor;
    private boolean on;

    SecondFactorPanel(SecondFactor secondFactor, boolean on) {
        this.secondFactor = secondFactor;
        this.on = on;
        addClassName("academy-section");
        setId("second-factor");
        render();
    }

    private void render() {
        removeAll();
        add(new H3(getTranslation("second-factor.section")));
        if (on) {
            Span state = new Span(getTranslation("second-factor.on"));
            state.getElement().getThemeList().add("badge success");
            Button off = new Button(getTranslation("second-factor.turn-off"), click -> turnOff());
            off.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            add(new Paragraph(state), new Paragraph(getTranslation("second-factor.codes-left", secondFactor.recoveryCodesLeft())), off);
        } else {
            Button setUp = new Button(getTranslation("second-factor.set-up"), click -> setUp());
            setUp.setId("second-factor-set-up");
            add(new Paragraph(getTranslation("second-factor.explained")), setUp);
        }
    }

    private void setUp() {
        SecondFactor.Setup setup;
        try {
            setup = secondFactor.begin();
        } catch (UserFacingException e) {
            Views.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("second-factor.set-up"));
        Image qr = new Image(setup.qrImage(), getTranslation("second-factor.qr-alt"));
        qr.setWidth("200px");
        qr.setHeight("200px");
        Span key = new Span(setup.secret().replaceAll("(.{4})(?!$)", "$1 "));
        key.setId("second-factor-secret");
        key.addClassName("academy-mono");
        TextField code = new TextField(getTranslation("second-factor.first-code"));
        code.setId("second-factor-first-code");
        code.setMaxLength(6);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button confirm = new Button(getTranslation("second-factor.turn-on"), click -> {
            try {
                List<String> recovery = secondFactor.confirm(code.getValue());
                dialog.close();
                on = true;
                render();
                showRecoveryCodes(recovery);
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("code", code));
            }
        });
        confirm.setId("second-factor-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        code.setWidthFull();
        dialog.setMaxWidth("32em");
        dialog.add(new Paragraph(getTranslation("second-factor.scan")), qr, new Paragraph(getTranslation("second-factor.or-type")),
                new Paragraph(key), code);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        add(dialog);
        dialog.open();
    }

    private void showRecoveryCodes(List<String> recovery) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("second-factor.recovery-title"));
        OrderedList list = new OrderedList();
        list.setId("second-factor-recovery-codes");
        list.addClassName("academy-mono");
        recovery.forEach(one -> list.add(new ListItem(one)));
        Button saved = new Button(getTranslation("second-factor.recovery-saved"), click -> dialog.close());
        saved.setId("second-factor-recovery-saved");
        saved.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new Paragraph(getTranslation("second-factor.recovery-explained")), list);
        dialog.getFooter().add(saved);
        dialog.setCloseOnOutsideClick(false);
        add(dialog);
        dialog.open();
    }

    private void turnOff() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("second-factor.turn-off"));
        PasswordField password = new PasswordField(getTranslation("account.password.current"));
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        Button confirm = new Button(getTranslation("second-factor.turn-off"), click -> {
            try {
                secondFactor.disable(password.getValue());
                dialog.close();
                on = false;
                render();
                Views.success(getTranslation("second-factor.turned-off"));
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, Map.of("currentPassword", password));
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.add(new Paragraph(getTranslation("second-factor.turn-off-explained")), password);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        add(dialog);
        dialog.open();
    }
}
