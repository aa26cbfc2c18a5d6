package eu.aiskills.academy.shell.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.Translations;
import eu.aiskills.academy.shell.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the e-mail copies notifications owe (an outbox: the notification and its PENDING mark
 * are written in one transaction, the mail goes out afterwards), in the recipient's language.
 * A failing server is tried again on the next round, up to {@code academy.mail.max-attempts};
 * a mail that was sent is never sent again. Every instance runs it: each mail is claimed
 * (PENDING to SENDING) before it is sent, so only one instance sends it.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 50;
    private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final AccountManagement accounts;
    private final MailSettings settings;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, AccountManagement accounts, MailSettings settings, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.sender = sender;
        this.accounts = accounts;
        this.settings = settings;
    }

    /** Sends what is pending; returns how many went out. */
    @Scheduled(initialDelayString = "${academy.mail.interval:20s}", fixedDelayString = "${academy.mail.interval:20s}")
    public int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !settings.enabled()) {
            return 0;
        }
        record Pending(String id, String account, String key, String arguments, String link, int attempts) {
        }
        // Claims that a crashed instance left behind go back to the queue (at most one mail may then go twice).
        jdbc.update("UPDATE notification SET email_state = 'PENDING', email_claimed_at = NULL WHERE email_state = 'SENDING'"
                + " AND email_claimed_at < ?", Timestamp.from(clock.instant().minus(STALE_CLAIM)));
        List<Pending> pending = jdbc.query("SELECT id, account_id, message_key, arguments, link, email_attempts FROM notification"
                        + " WHERE email_state = 'PENDING' ORDER BY created_at LIMIT " + BATCH,
                (rs, n) -> new Pending(rs.getString("id"), rs.getString("account_id"), rs.getString("message_key"), rs.getString("arguments"),
                        rs.getString("link"), rs.getInt("email_attempts")));
        int sent = 0;
        for (Pending p : pending) {
            // Only the instance that moves it from PENDING to SENDING sends it.
            if (jdbc.update("UPDATE notification SET email_state = 'SENDING', email_claimed_at = ? WHERE id = ? AND email_state = 'PENDING'",
                    Timestamp.from(clock.instant()), p.id()) == 0) {
                continue;
            }
            AccountSummary to = SystemActor.call(() -> accounts.get(new AccountId(UUID.fromString(p.account()))));
            if (!to.enabled()) {
                jdbc.update("UPDATE notification SET email_state = 'NONE' WHERE id = ?", p.id());
                continue;
            }
            List<String> arguments = JSON.readValue(p.arguments(), new TypeReference<List<String>>() { });
            String text = Translations.get(to.preferredLocale(), p.key(), arguments.toArray());
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(to.email());
                helper.setSubject(Translations.get(to.preferredLocale(), "email.subject", text));
                String link = p.link() == null ? settings.baseUrl().toString() : settings.baseUrl().resolve(p.link()).toString();
                helper.setText(Translations.get(to.preferredLocale(), "email.body", to.displayName(), text, link));
                mail.send(message);
                jdbc.update("UPDATE notification SET email_state = 'SENT', email_attempts = email_attempts + 1 WHERE id = ?", p.id());
                sent++;
            } catch (MailException | MessagingException e) {
                boolean last = p.attempts() + 1 >= settings.maxAttempts();
                jdbc.update("UPDATE notification SET email_state = ?, email_attempts = email_attempts + 1 WHERE id = ?",
                        last ? "FAILED" : "PENDING", p.id());
                log.warn("E-mail for notification {} not sent (attempt {}{}): {}", p.id(), p.attempts() + 1, last ? ", giving up" : "",
                        e.toString());
                break;
            }
        }
        return sent;
    }
}
