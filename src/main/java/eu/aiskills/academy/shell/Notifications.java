package eu.aiskills.academy.shell;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shell.internal.NotificationEntity;
import eu.aiskills.academy.shell.internal.NotificationRecords;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's in-app notifications: written by the platform, read and dismissed by their owner. */
@Service
public class Notifications {

    /** How many notifications the bell shows. */
    public static final int SHOWN = 20;
    public static final int ARGUMENT_MAX_LENGTH = 300;

    private final NotificationRecords records;
    private final MailSettings mail;
    private final Clock clock;

    Notifications(NotificationRecords records, MailSettings mail, Clock clock) {
        this.records = records;
        this.mail = mail;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Notification> mine() {
        return records.findByAccountIdOrderByCreatedAtDesc(CurrentUser.requireId().value(), Limit.of(SHOWN)).stream()
                .map(NotificationEntity::toNotification).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public long unread() {
        return CurrentUser.id().map(me -> records.countByAccountIdAndReadAtIsNull(me.value())).orElse(0L);
    }

    @PermitAll
    @Transactional
    public void markAllRead() {
        records.markAllRead(CurrentUser.requireId().value(), clock.instant());
    }

    /** Tells someone something (and by e-mail too, when a mail server is configured); only the platform writes notifications. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public void notify(AccountId to, String messageKey, List<String> arguments, String link) {
        List<String> trimmed = arguments.stream()
                .map(a -> a.length() > ARGUMENT_MAX_LENGTH ? a.substring(0, ARGUMENT_MAX_LENGTH) : a).toList();
        records.save(new NotificationEntity(UUID.randomUUID(), to.value(), messageKey, trimmed, link, clock.instant(), mail.enabled()));
    }
}
