package eu.aiskills.academy.enrolment.ui;

import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import eu.aiskills.academy.enrolment.CohortCredentials;
import eu.aiskills.academy.enrolment.CredentialDocuments;
import eu.aiskills.academy.enrolment.CredentialId;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.enrolment.EnrolmentProperties;
import eu.aiskills.academy.enrolment.Verification;
import eu.aiskills.academy.enrolment.internal.CourseEvidence;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A credential's public verification page, the address a learner shares: whether it is valid,
 * revoked, tampered with or unknown, what it attests, and its signed JSON to download.
 * Administrators can revoke it here, with a reason.
 */
@Route("credentials/:" + CredentialView.ID)
@AnonymousAllowed
class CredentialView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final JsonMapper EVIDENCE_READER = JsonMapper.builder().build();

    static final String ID = "id";

    private final transient Credentials credentials;
    private final transient EnrolmentProperties properties;
    private final transient CredentialDocuments documents;

    CredentialView(Credentials credentials, CredentialDocuments documents, EnrolmentProperties properties) {
        this.credentials = credentials;
        this.documents = documents;
        this.properties = properties;
        addClassName("academy-credential");
    }

    public static String path(CredentialId id) {
        return "/credentials/" + id.value();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CredentialId> id = event.getRouteParameters().get(ID).flatMap(CredentialView::parse);
        Verification verification = id.map(credentials::verify)
                .orElseGet(() -> new Verification(Verification.Status.NOT_FOUND, Optional.empty(), Optional.empty()));
        render(id.orElse(null), verification);
    }

    private static Optional<CredentialId> parse(String text) {
        try {
            return Optional.of(new CredentialId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void render(CredentialId id, Verification verification) {
        removeAll();
        add(new H1(getTranslation("credential.title")));
        add(status(this, verification));
        verification.credential().ifPresent(credential -> {
            add(new H2(credential.achievementName()));
            add(new Paragraph(getTranslation("credential.awarded", credential.recipientName(),
                    Views.dateTime(this, credential.issuedAt(), java.time.ZoneId.of("UTC")))));
            if (credential.revoked()) {
                add(new Paragraph(getTranslation("credential.revoked-reason", credential.revocationReason())));
            }
        });
        if (id != null && verification.status() != Verification.Status.NOT_FOUND) {
            Div actions = new Div();
            actions.addClassName("academy-actions");
            Anchor json = new Anchor(path(id) + "/credential.json", getTranslation("credential.download-json"));
            json.getElement().setAttribute("download", true);
            json.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
            Anchor jwt = new Anchor(path(id) + "/credential.jwt", getTranslation("credential.download-jwt"));
            jwt.getElement().setAttribute("download", true);
            jwt.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
            Anchor pdf = new Anchor(path(id) + "/certificate.pdf?lang=" + getLocale().getLanguage(), getTranslation("credential.download-pdf"));
            pdf.getElement().setAttribute("download", true);
            pdf.addComponentAsFirst(VaadinIcon.DIPLOMA.create());
            Button share = new Button(getTranslation("credential.share"), VaadinIcon.SHARE.create(), click -> share(id));
            share.addThemeVariants(ButtonVariant.TERTIARY);
            actions.add(json, jwt);
            if (documents.certificatesAvailable()) {
                actions.add(pdf);
            }
            actions.add(share);
            verification.credential().filter(c -> verification.status() == Verification.Status.VALID && CurrentUser.id().isPresent()
                    && credentials.mine().stream().anyMatch(mine -> mine.id().equals(c.id()))).ifPresent(mine -> {
                        Anchor linkedIn = new Anchor(LinkedInLink.of(mine, properties.issuerName(), properties.base() + path(id)),
                                getTranslation("credential.linkedin"));
                        linkedIn.setTarget("_blank");
                        linkedIn.getElement().setAttribute("rel", "noopener noreferrer");
                        linkedIn.addComponentAsFirst(VaadinIcon.PLUS_CIRCLE_O.create());
                        actions.add(linkedIn);
                    });
            if (CurrentUser.hasRole(Roles.ADMIN) && verification.status() == Verification.Status.VALID) {
                Button revoke = new Button(getTranslation("credential.revoke"), click -> revoke(id));
                revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
                actions.add(revoke);
            }
            add(actions);
        }
        verification.payload().ifPresent(payload -> {
            evidence(payload);
            Pre content = new Pre(payload);
            content.addClassName("academy-json");
            content.getElement().setAttribute("tabindex", "0");
            content.getElement().setAttribute("aria-label", getTranslation("credential.content"));
            Details json = new Details(getTranslation("credential.content"), content);
            json.addClassName("academy-credential-json");
            add(json);
        });
        add(new RouterLink(getTranslation("credential.verify-other"), VerifyCredentialView.class));
    }

    /**
     * How the credential was earned, in words: each piece of its evidence (a quiz, a lab, lessons
     * marked done) with what it says; a credential without any says it records completion only.
     */
    private void evidence(String payload) {
        JsonNode items = EVIDENCE_READER.readTree(payload).path("evidence");
        add(new H2(getTranslation("credential.evidence")));
        if (!items.isArray() || items.isEmpty()) {
            add(new Paragraph(getTranslation("credential.evidence-none")));
            return;
        }
        boolean assessed = false;
        boolean cosigned = false;
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-evidence");
        for (JsonNode item : items) {
            String genre = item.path("genre").asString("");
            assessed |= CourseEvidence.ASSESSED_GENRES.contains(genre);
            cosigned |= CohortCredentials.HOURS_GENRE.equals(genre);
            Span kind = new Span(getTranslation("credential.genre." + switch (genre) {
                case "Quiz" -> "quiz";
                case "Lab" -> "lab";
                case "Assignment" -> "assignment";
                case CohortCredentials.HOURS_GENRE -> "hours";
                default -> "declared";
            }));
            kind.getElement().getThemeList().add(CourseEvidence.ASSESSED_GENRES.contains(genre) ? "badge success"
                    : CohortCredentials.HOURS_GENRE.equals(genre) ? "badge" : "badge contrast");
            H3 name = new H3(item.path("name").asString(""));
            list.add(new ListItem(kind, name, Views.markdown(item.path("narrative").asString(""))));
        }
        add(new Paragraph(getTranslation(cosigned ? "credential.evidence-cosigned" : assessed ? "credential.evidence-assessed"
                : "credential.evidence-declared")), list);
    }

    static Component status(Component view, Verification verification) {
        String key = switch (verification.status()) {
            case VALID -> "credential.status.valid";
            case REVOKED -> "credential.status.revoked";
            case TAMPERED -> "credential.status.tampered";
            case NOT_FOUND -> "credential.status.not-found";
        };
        Paragraph status = new Paragraph(view.getTranslation(key));
        status.addClassNames("academy-verification", "academy-verification-"
                + verification.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        status.getElement().setAttribute("role", "status");
        return status;
    }

    private void share(CredentialId id) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("credential.share"));
        TextField link = new TextField(getTranslation("credential.share.link"));
        getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(url -> link.setValue(url.toString())));
        link.setReadOnly(true);
        link.setWidthFull();
        dialog.add(new Paragraph(getTranslation("credential.share.text")), link);
        Button close = new Button(getTranslation("common.close"), click -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void revoke(CredentialId id) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("credential.revoke"));
        TextArea reason = new TextArea(getTranslation("credential.revoke.reason-label"));
        reason.setMaxLength(Credentials.REASON_MAX_LENGTH);
        reason.setRequired(true);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("credential.revoke"), click -> {
            try {
                credentials.revoke(id, reason.getValue());
                dialog.close();
                Views.success(getTranslation("credential.revoked"));
                render(id, credentials.verify(id));
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, java.util.Map.of("reason", reason));
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        Button cancel = new Button(getTranslation("common.cancel"), click -> dialog.close());
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "credential.title");
    }
}
