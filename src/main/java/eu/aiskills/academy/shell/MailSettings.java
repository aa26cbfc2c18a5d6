package eu.aiskills.academy.shell;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail copies of notifications. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (host, port, username, password, TLS properties); without {@code spring.mail.host} no mail is sent.
 *
 * @param from        the sender address
 * @param baseUrl     the platform's public address: links in e-mails point under it
 * @param maxAttempts how often a failing e-mail is tried before it is given up (FAILED)
 */
@ConfigurationProperties("academy.mail")
@Validated
public record MailSettings(
        @DefaultValue("true") boolean enabledWhenConfigured,
        @DefaultValue("AI Skills Academy <no-reply@aiskills.academy.localhost>") @NotBlank String from,
        @DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
        @DefaultValue("5") int maxAttempts,
        String host) {

    /** Whether notifications get an e-mail copy: a server is configured and mail is not switched off. */
    public boolean enabled() {
        return enabledWhenConfigured && host != null && !host.isBlank();
    }
}
