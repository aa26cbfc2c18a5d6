package eu.aiskills.academy.enrolment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.Verification;
import eu.aiskills.academy.shared.ui.Views;

/** Checks a credential token someone received, pasted as text. */
@Route("credentials/verify")
@AnonymousAllowed
class VerifyCredentialView extends VerticalLayout implements HasDynamicTitle {

    VerifyCredentialView(Credentials credentials) {
        addClassName("academy-verify");
        TextArea token = new TextArea(getTranslation("credential.verify.token"));
        token.setHelperText(getTranslation("credential.verify.help"));
        token.setMaxLength(Credentials.TOKEN_MAX_LENGTH);
        token.setWidthFull();
        Div result = new Div();
        result.setId("verification-result");
        Button check = new Button(getTranslation("credential.verify.check"), click -> {
            result.removeAll();
            Verification verification = credentials.verifyToken(token.getValue());
            result.add(CredentialView.status(this, verification));
            verification.credential().ifPresent(c -> result.add(new H2(c.achievementName()),
                    new Paragraph(getTranslation("credential.awarded", c.recipientName(),
                            Views.dateTime(this, c.issuedAt(), java.time.ZoneId.of("UTC"))))));
            verification.payload().ifPresent(payload -> {
                Pre content = new Pre(payload);
                content.addClassName("academy-json");
                result.add(content);
            });
        });
        check.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H1(getTranslation("credential.verify.title")), new Paragraph(getTranslation("credential.verify.intro")),
                token, check, result);
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "credential.verify.title");
    }
}
