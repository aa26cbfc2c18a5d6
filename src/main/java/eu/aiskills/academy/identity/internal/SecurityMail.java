package eu.aiskills.academy.identity.internal;

import java.net.URI;
import java.util.Locale;

import eu.aiskills.academy.shared.Translations;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The account's own mails (a password reset, an address to verify), sent at once and off the
 * request, in the person's language: the page answers the same however long the mail takes or
 * whether there was anyone to send it to. Not the notifications' outbox (the shell's): these
 * links expire within the hour and are worth nothing once retried later.
 */
@Component
public class SecurityMail {

    private static final Logger log = LoggerFactory.getLogger(SecurityMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final URI baseUrl;
    private final String host;
    private final boolean demo;

    SecurityMail(ObjectProvider<JavaMailSender> sender,
                 @Value("${academy.mail.from:AI Skills Academy <no-reply@aiskills.academy.localhost>}") String from,
                 @Value("${academy.mail.base-url:http://localhost:8080}") URI baseUrl,
                 @Value("${academy.mail.host:}") String host,
                 @Value("${academy.demo.enabled:false}") boolean demo) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl;
        this.host = host;
        this.demo = demo;
    }

    /** The platform's address for a page with a token in its query. */
    public String link(String route, String token) {
        return UriComponentsBuilder.fromUri(baseUrl).path("/" + route).queryParam("token", token).build().toUriString();
    }

    /** Sends {@code kind} ({@code reset}, {@code verify}) to {@code to} with the link, in a moment. */
    public void send(String to, String name, Locale locale, String kind, String link) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || host == null || host.isBlank()) {
            if (demo) {
                // The single-machine demo has no mail server: the link is in its log, for the person trying it.
                log.info("No mail server: the {} link for {} is {}", kind, to, link);
            } else {
                log.warn("No mail server configured (spring.mail.host): the {} mail for an account was not sent", kind);
            }
            return;
        }
        Thread.ofVirtual().name("security-mail").start(() -> {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    MimeMessage message = mail.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                    helper.setFrom(from);
                    helper.setTo(to);
                    helper.setSubject(Translations.get(language, "account-mail." + kind + ".subject"));
                    helper.setText(Translations.get(language, "account-mail." + kind + ".body", name, link));
                    mail.send(message);
                    return;
                } catch (Exception e) {
                    log.warn("The {} mail was not sent (attempt {} of 3): {}", kind, attempt, e.toString());
                    try {
                        Thread.sleep(2000L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }
}
