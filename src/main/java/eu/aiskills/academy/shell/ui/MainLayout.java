package eu.aiskills.academy.shell.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import eu.aiskills.academy.shell.Notifications;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.ui.AccountView;
import eu.aiskills.academy.identity.ui.LoginView;
import eu.aiskills.academy.identity.ui.RegistrationView;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The frame around every view. The side navigation lists the views the person may open,
 * as the access annotations of the views decide; the header holds the language and colour
 * scheme switches and the user menu.
 */
@Layout
@AnonymousAllowed
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient AuthenticationContext authentication;
    private final transient AccountManagement accounts;
    private final transient Notifications notifications;
    private final Span viewTitle = new Span();

    MainLayout(AuthenticationContext authentication, AccountManagement accounts, Notifications notifications) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.notifications = notifications;
        setPrimarySection(Section.DRAWER);
        addClassName("academy-shell");
        addToNavbar(true, skipLink(), drawerToggle(), viewTitle, toolbar());
        addToDrawer(brand(), navigation(), footer());
        viewTitle.addClassName("academy-view-title");
    }

    private Component skipLink() {
        Anchor skip = new Anchor("#main-content", getTranslation("shell.skip-to-content"));
        skip.addClassName("academy-skip-link");
        // The router would take "#main-content" as a navigation and leave the focus where it was:
        // the link moves the focus to the page's content itself.
        skip.getElement().executeJs("this.addEventListener('click', e => { const main = document.getElementById('main-content');"
                + " if (main) { e.preventDefault(); e.stopPropagation(); main.focus(); } })");
        return skip;
    }

    private Component drawerToggle() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu.toggle"));
        return toggle;
    }

    private Component brand() {
        RouterLink home = new RouterLink("", HomeView.class);
        home.addClassName("academy-brand");
        Span mark = new Span("AI");
        mark.addClassName("academy-brand-mark");
        mark.getElement().setAttribute("aria-hidden", "true");
        Span name = new Span(getTranslation("app.name"));
        home.add(mark, name);
        Header header = new Header(home);
        header.addClassName("academy-drawer-header");
        return header;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("shell.navigation"));
        nav.addClassName("academy-nav");
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries(getLocale());
        for (MenuEntry entry : entries) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            item.setMatchNested(true);
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component footer() {
        Footer footer = new Footer(new Span(getTranslation("shell.footer")));
        footer.addClassName("academy-drawer-footer");
        return footer;
    }

    private Component toolbar() {
        Div toolbar = new Div(languageSelect(), schemeToggle(), userArea());
        toolbar.addClassName("academy-toolbar");
        return toolbar;
    }

    private Component languageSelect() {
        Select<Locale> language = new Select<>();
        language.setItems(Translations.SUPPORTED);
        language.setItemLabelGenerator(Translations::languageName);
        language.setValue(Translations.supported(getLocale()));
        language.setAriaLabel(getTranslation("shell.language"));
        language.addClassName("academy-language");
        language.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                Preferences.applyLocale(UI.getCurrent(), event.getValue());
                accounts.current().ifPresent(me -> accounts.updateProfile(
                        new eu.aiskills.academy.identity.DisplayName(me.displayName()), event.getValue()));
                UI.getCurrent().getPage().reload();
            }
        });
        return language;
    }

    private Component schemeToggle() {
        Button toggle = new Button(new Icon(VaadinIcon.ADJUST));
        toggle.addThemeVariants(ButtonVariant.TERTIARY);
        toggle.setAriaLabel(getTranslation("shell.scheme.toggle"));
        toggle.setTooltipText(getTranslation("shell.scheme.toggle"));
        toggle.addClassName("academy-scheme-toggle");
        toggle.addClickListener(click -> {
            UI ui = UI.getCurrent();
            ColorScheme.Value now = ui.getPage().getColorScheme();
            ColorScheme.Value next = now == ColorScheme.Value.DARK ? ColorScheme.Value.LIGHT : ColorScheme.Value.DARK;
            Preferences.applyScheme(ui, next);
        });
        return toggle;
    }

    private Component userArea() {
        return accounts.current().<Component>map(me -> {
            Div area = new Div(bell(), userMenu(me));
            area.addClassName("academy-user-area");
            return area;
        }).orElseGet(this::signInLinks);
    }

    /** The notifications bell: the unread count on it, the latest notifications in a popover. */
    private Component bell() {
        Button bell = new Button(new Icon(VaadinIcon.BELL));
        bell.addThemeVariants(ButtonVariant.TERTIARY);
        bell.addClassName("academy-bell");
        Span count = new Span();
        count.addClassName("academy-bell-count");
        count.getElement().setAttribute("aria-hidden", "true");
        bell.getElement().appendChild(count.getElement());
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.addClassName("academy-notifications");
        popover.setAriaLabel(getTranslation("notifications.title"));
        Runnable refresh = () -> {
            long unread = notifications.unread();
            count.setText(unread == 0 ? "" : unread > 9 ? "9+" : String.valueOf(unread));
            count.setVisible(unread > 0);
            String label = getTranslation("notifications.bell", unread);
            bell.setAriaLabel(label);
            bell.setTooltipText(label);
        };
        refresh.run();
        popover.addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                popover.removeAll();
                popover.add(new H2(getTranslation("notifications.title")));
                List<eu.aiskills.academy.shell.Notification> latest = notifications.mine();
                if (latest.isEmpty()) {
                    popover.add(new Paragraph(getTranslation("notifications.empty")));
                }
                UnorderedList list = new UnorderedList();
                for (eu.aiskills.academy.shell.Notification n : latest) {
                    String text = getTranslation(n.messageKey(), n.arguments().toArray());
                    ListItem item = new ListItem(n.link() == null ? new Span(text) : new Anchor(n.link(), text));
                    if (!n.read()) {
                        item.addClassName("academy-unread");
                    }
                    list.add(item);
                }
                popover.add(list);
                notifications.markAllRead();
            } else {
                refresh.run();
            }
        });
        return bell;
    }

    private Component userMenu(AccountSummary me) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("academy-user-menu");
        Avatar avatar = new Avatar(me.displayName());
        avatar.setTooltipEnabled(false);
        Div trigger = new Div(avatar, new Span(me.displayName()));
        trigger.addClassName("academy-user-trigger");
        MenuItem root = menu.addItem(trigger);
        root.setAriaLabel(getTranslation("shell.user-menu", me.displayName()));
        SubMenu sub = root.getSubMenu();
        sub.addItem(getTranslation("shell.my-account"), e -> UI.getCurrent().navigate(AccountView.class));
        sub.addItem(getTranslation("shell.sign-out"), e -> authentication.logout());
        return menu;
    }

    private Component signInLinks() {
        RouterLink signIn = new RouterLink(getTranslation("shell.sign-in"), LoginView.class);
        signIn.addClassName("academy-sign-in");
        RouterLink register = new RouterLink(getTranslation("shell.register"), RegistrationView.class);
        register.addClassName("academy-register");
        Div links = new Div(signIn, register);
        links.addClassName("academy-auth-links");
        return links;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("id", "main-content");
            content.getElement().setAttribute("tabindex", "-1");
            content.getElement().setAttribute("role", "main");
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = MenuConfiguration.getPageHeader(getContent()).orElse(getTranslation("app.name"));
        int separator = title.indexOf(Views.TITLE_SEPARATOR);
        viewTitle.setText(separator > 0 ? title.substring(0, separator) : title);
    }
}
