package eu.aiskills.academy.identity.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import eu.aiskills.academy.identity.AccountSessions;
import eu.aiskills.academy.shared.ui.Views;

/** The account page's list of the browsers the person is signed in with, each with "sign out", and "sign out everywhere else". */
class SessionsPanel extends Div {

    private final transient AccountSessions sessions;
    final Grid<AccountSessions.ActiveSession> grid = new Grid<>();
    final Button everywhere = new Button();

    SessionsPanel(AccountSessions sessions) {
        this.sessions = sessions;
        addClassName("academy-section");
        setId("account-sessions");
        grid.addColumn(s -> s.browser()).setHeader(getTranslation("account.sessions.browser")).setAutoWidth(true);
        grid.addColumn(s -> Views.dateTime(this, s.signedInAt(), ZoneId.systemDefault()))
                .setHeader(getTranslation("account.sessions.signed-in")).setAutoWidth(true);
        grid.addColumn(s -> Views.dateTime(this, s.lastSeenAt(), ZoneId.systemDefault()))
                .setHeader(getTranslation("account.sessions.last-seen")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            if (s.current()) {
                Span here = new Span(getTranslation("account.sessions.this-one"));
                here.getElement().getThemeList().add("badge success");
                return here;
            }
            Button out = new Button(getTranslation("account.sessions.sign-out"), click -> {
                sessions.signOut(s.id());
                refresh();
            });
            out.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            out.getElement().setAttribute("aria-label", getTranslation("account.sessions.sign-out-of", s.browser()));
            return out;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("account.sessions.title"));
        everywhere.setText(getTranslation("account.sessions.everywhere"));
        everywhere.addThemeVariants(ButtonVariant.ERROR);
        everywhere.addClickListener(click -> confirm());
        add(new H3(getTranslation("account.sessions.title")), new Paragraph(getTranslation("account.sessions.intro")), grid, everywhere);
        refresh();
    }

    private void confirm() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("account.sessions.everywhere"));
        dialog.setText(getTranslation("account.sessions.everywhere-explained"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmText(getTranslation("account.sessions.everywhere-confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            int ended = sessions.signOutEverywhereElse();
            Views.success(getTranslation("account.sessions.ended", ended));
            refresh();
        });
        dialog.open();
    }

    void refresh() {
        var mine = sessions.mine();
        grid.setItems(mine);
        everywhere.setEnabled(mine.stream().anyMatch(s -> !s.current()));
    }
}
