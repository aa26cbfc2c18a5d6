package eu.aiskills.academy.shared.ui;

import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import eu.aiskills.academy.shared.UserFacingException;

/** Helpers for views: consistent titles, rejections shown where the person can act on them. */
public final class Views {

    /** Separates a view's own title from the application name in the browser tab's title. */
    public static final String TITLE_SEPARATOR = " · ";

    private Views() {
    }

    /** "View title · AI Skills Academy", for {@code HasDynamicTitle#getPageTitle()}. */
    public static String pageTitle(Component view, String key, Object... arguments) {
        return view.getTranslation(key, arguments) + TITLE_SEPARATOR + view.getTranslation("app.name");
    }

    /**
     * Shows a rejection beside the field it concerns, when the form has that field; otherwise as
     * an error notification. Returns the translated message.
     */
    public static String showRejection(Component view, UserFacingException rejection,
                                       Map<String, ? extends HasValidation> fields) {
        String message = view.getTranslation(rejection.messageKey(), rejection.arguments());
        HasValidation field = rejection.field() == null ? null : fields.get(rejection.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
            }
        } else {
            error(message);
        }
        return message;
    }

    /**
     * A search box for lists: labelled for assistive technology by its placeholder, lazy (it
     * reacts when the person pauses typing), clearable and bounded in length.
     */
    public static TextField searchField(Component view, String placeholderKey, int maxLength, Runnable onChange) {
        TextField field = new TextField();
        String placeholder = view.getTranslation(placeholderKey);
        field.setPlaceholder(placeholder);
        field.setAriaLabel(placeholder);
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setClearButtonVisible(true);
        field.setMaxLength(maxLength);
        field.addValueChangeListener(event -> onChange.run());
        return field;
    }

    /** The page (from 0) that an address's {@code page} parameter (from 1) names; a mistyped page number is the first page. */
    public static int page(Map<String, java.util.List<String>> parameters) {
        try {
            return Math.max(0, Integer.parseInt(parameters.getOrDefault("page", java.util.List.of("1")).getFirst()) - 1);
        } catch (NumberFormatException mistyped) {
            return 0;
        }
    }

    /**
     * Previous, "page n of m", next, into {@code pager}; nothing when everything fits on one page.
     * {@code go} is given the page (from 0) to show.
     */
    public static void pager(com.vaadin.flow.component.html.Div pager, Component view, int page, int pages,
                             java.util.function.IntConsumer go) {
        if (pages <= 1) {
            return;
        }
        var previous = new com.vaadin.flow.component.button.Button(view.getTranslation("pager.previous"), e -> go.accept(page - 1));
        previous.setEnabled(page > 0);
        var next = new com.vaadin.flow.component.button.Button(view.getTranslation("pager.next"), e -> go.accept(page + 1));
        next.setEnabled(page + 1 < pages);
        pager.add(previous, new com.vaadin.flow.component.html.Span(view.getTranslation("pager.page", page + 1, pages)), next);
    }

    /** A date in the view's language ("1 Mar 2027"). */
    public static String date(Component view, java.time.LocalDate date) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale(view)).format(date);
    }

    /** A moment in the view's language, at the given time zone, with the zone named ("1 Mar 2027, 09:00 CET"). */
    public static String dateTime(Component view, java.time.Instant at, java.time.ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern(
                java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(java.time.format.FormatStyle.MEDIUM,
                        java.time.format.FormatStyle.SHORT, java.time.chrono.IsoChronology.INSTANCE, locale(view)) + " zzz",
                locale(view)).format(at.atZone(zone));
    }

    private static java.util.Locale locale(Component view) {
        return view.getUI().map(com.vaadin.flow.component.UI::getLocale)
                .orElseGet(() -> com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH
                        : com.vaadin.flow.component.UI.getCurrent().getLocale());
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.ERROR);
    }

    /** ISO country codes ordered by their names in {@code locale}, for country pickers. */
    public static java.util.List<String> countriesByName(java.util.Locale locale) {
        return java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .sorted(java.util.Comparator.comparing(c -> java.util.Locale.of("", c).getDisplayCountry(locale))).toList();
    }

    /** Markdown shown as sanitised HTML in the platform's reading style. */
    public static com.vaadin.flow.component.html.Div markdown(String text) {
        com.vaadin.flow.component.html.Div div = RichText.markdown(text);
        div.addClassName("academy-markdown");
        return div;
    }
}
