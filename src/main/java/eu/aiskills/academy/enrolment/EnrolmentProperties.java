package eu.aiskills.academy.enrolment;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Enrolment settings.
 *
 * @param issuerUrl   the platform's public address: credentials name it as their issuer and
 *                    link to their verification pages under it
 * @param issuerName  the issuer's name in credentials
 * @param keyFile     the JSON Web Key Set holding the credential-signing keys (private; never in
 *                    git); the first key signs, all verify
 * @param generateKey whether to create the key file with a new key when it is missing (the
 *                    single-machine default); in production the file is provided
 */
@ConfigurationProperties("academy.enrolment.credentials")
@Validated
public record EnrolmentProperties(
        @DefaultValue("http://localhost:8080") @NotNull URI issuerUrl,
        @DefaultValue("AI Skills Academy") @NotBlank String issuerName,
        @NotNull Path keyFile,
        @DefaultValue("true") boolean generateKey) {

    /** The issuer URL without a trailing slash. */
    public String base() {
        String url = issuerUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
