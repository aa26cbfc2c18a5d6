package eu.aiskills.academy.shell.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import eu.aiskills.academy.shared.Translations;
import jakarta.servlet.http.Cookie;

/**
 * The visitor's language and colour scheme, kept in cookies so that they survive sign-in,
 * sign-out and new tabs; a signed-in person's language is also kept on their account.
 */
final class Preferences {

    static final String LOCALE_COOKIE = "academy-locale";
    static final String SCHEME_COOKIE = "academy-scheme";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Preferences() {
    }

    static Optional<Locale> cookieLocale(VaadinRequest request) {
        return cookie(request, LOCALE_COOKIE).map(Locale::forLanguageTag).map(Translations::supported);
    }

    static Optional<ColorScheme.Value> cookieScheme(VaadinRequest request) {
        return cookie(request, SCHEME_COOKIE).flatMap(value -> switch (value) {
            case "dark" -> Optional.of(ColorScheme.Value.DARK);
            case "light" -> Optional.of(ColorScheme.Value.LIGHT);
            default -> Optional.empty();
        });
    }

    static void applyLocale(UI ui, Locale locale) {
        Locale supported = Translations.supported(locale);
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(supported);
        }
        ui.setLocale(supported);
        ui.getElement().executeJs("document.documentElement.lang = $0", supported.getLanguage());
        writeCookie(LOCALE_COOKIE, supported.toLanguageTag());
    }

    static void applyScheme(UI ui, ColorScheme.Value scheme) {
        ui.getPage().setColorScheme(scheme);
        writeCookie(SCHEME_COOKIE, scheme == ColorScheme.Value.DARK ? "dark" : "light");
    }

    private static void writeCookie(String name, String value) {
        VaadinResponse response = VaadinService.getCurrentResponse();
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request == null || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<String> cookie(VaadinRequest request, String name) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> name.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> v != null && v.matches("[A-Za-z-]{2,16}"))
                .findFirst();
    }
}
