package eu.aiskills.academy.identity;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import eu.aiskills.academy.shared.UserFacingException;

/** An organisation as an administrator enters it. */
public record NewOrganisation(String name, OrganisationKind kind, String country, String website) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int WEBSITE_MAX_LENGTH = 300;
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    public NewOrganisation {
        name = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw UserFacingException.onField("name", "validation.organisation.name.required");
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw UserFacingException.onField("name", "validation.organisation.name.too-long", NAME_MAX_LENGTH);
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("name", "validation.organisation.name.characters");
        }
        if (kind == null) {
            throw UserFacingException.onField("kind", "validation.organisation.kind.required");
        }
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw UserFacingException.onField("country", "validation.organisation.country.invalid");
        }
        website = website == null || website.isBlank() ? null : website.strip();
        if (website != null && !isHttpUrl(website)) {
            throw UserFacingException.onField("website", "validation.organisation.website.invalid", WEBSITE_MAX_LENGTH);
        }
    }

    private static boolean isHttpUrl(String value) {
        if (value.length() > WEBSITE_MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
