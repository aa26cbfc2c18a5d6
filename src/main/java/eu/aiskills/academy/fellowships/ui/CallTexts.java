package eu.aiskills.academy.fellowships.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import eu.aiskills.academy.fellowships.EligibilityReport;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipCall;

/** How calls read in the views: deadlines in the call's time zone, money, rules and verdicts in words. */
final class CallTexts {

    private CallTexts() {
    }

    /** "1 December 2026, 17:00 CET (Europe/Brussels)". */
    static String deadline(Component view, FellowshipCall call, Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale(view))
                .format(at.atZone(call.timeZone()).toLocalDateTime()) + " " + call.timeZone().getDisplayName(java.time.format.TextStyle.SHORT,
                locale(view)) + " (" + call.timeZone().getId() + ")";
    }

    static String money(Component view, FellowshipCall call) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(view));
        format.setCurrency(Currency.getInstance(call.currency()));
        format.setMaximumFractionDigits(0);
        return format.format(call.budget());
    }

    /** Each rule of the call, as a sentence. */
    static List<String> rules(Component view, EligibilityRules rules) {
        List<String> lines = new ArrayList<>();
        if (rules.nationality() != EligibilityRules.Nationality.ANY) {
            lines.add(view.getTranslation(rules.nationality() == EligibilityRules.Nationality.EU ? "fellowship.rule.nationality-eu"
                    : "fellowship.rule.nationality-non-eu"));
        }
        if (rules.outsideEuMonths() != null) {
            lines.add(view.getTranslation("fellowship.rule.outside-eu", rules.outsideEuMonths(), rules.outsideEuWindow()));
        }
        switch (rules.careerStage()) {
            case PHD_ENROLLED -> lines.add(view.getTranslation("fellowship.rule.phd-enrolled"));
            case PHD_WITHIN_YEARS -> lines.add(view.getTranslation("fellowship.rule.phd-within", rules.phdWithinYears()));
            case PHD_ENROLLED_OR_WITHIN_YEARS -> lines.add(view.getTranslation("fellowship.rule.phd-either", rules.phdWithinYears()));
            default -> { }
        }
        if (rules.mobilityMaxMonths() != null) {
            lines.add(view.getTranslation("fellowship.rule.mobility", rules.mobilityMaxMonths(), rules.mobilityWindow()));
        }
        if (lines.isEmpty()) {
            lines.add(view.getTranslation("fellowship.rule.none"));
        }
        return lines;
    }

    /** A verdict's explanation; country codes read as country names, dates in the reader's style. */
    static String outcome(Component view, EligibilityReport.Outcome outcome) {
        Object[] arguments = outcome.arguments().stream().map(a -> {
            if (a instanceof String code && code.length() == 2 && code.equals(code.toUpperCase(Locale.ROOT))) {
                return Locale.of("", code).getDisplayCountry(locale(view));
            }
            if (a instanceof java.time.LocalDate day) {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(view)).format(day);
            }
            return a;
        }).toArray();
        return view.getTranslation(outcome.messageKey(), arguments);
    }

    /** The reader's language (the UI's, also while a view is built and not yet attached). */
    static Locale locale(Component view) {
        return view.getUI().map(com.vaadin.flow.component.UI::getLocale)
                .orElseGet(() -> com.vaadin.flow.component.UI.getCurrent() == null ? Locale.ENGLISH : com.vaadin.flow.component.UI.getCurrent().getLocale());
    }
}
