package eu.aiskills.academy.shell.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import eu.aiskills.academy.shared.Translations;
import org.springframework.stereotype.Component;

/** Vaadin's {@code getTranslation} backed by the platform bundles. */
@Component
class TranslationProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Translations.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Translations.get(locale, key, params);
    }
}
