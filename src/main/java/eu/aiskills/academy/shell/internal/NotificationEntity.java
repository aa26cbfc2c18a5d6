package eu.aiskills.academy.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.shell.Notification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Entity
@Table(name = "notification")
public class NotificationEntity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "message_key", nullable = false, length = 100)
    private String messageKey;

    /** The message's arguments as a JSON array of strings. */
    @Column(nullable = false, length = 2000)
    private String arguments;

    @Column(length = 300)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    /** Whether an e-mail copy is owed: NONE, PENDING, SENT or FAILED (see MailOutbox). */
    @Column(name = "email_state", nullable = false, length = 8)
    private String emailState = "NONE";

    protected NotificationEntity() {
    }

    public NotificationEntity(UUID id, UUID accountId, String messageKey, List<String> arguments, String link,
                              Instant createdAt, boolean email) {
        this.id = id;
        this.emailState = email ? "PENDING" : "NONE";
        this.accountId = accountId;
        this.messageKey = messageKey;
        this.arguments = JSON.writeValueAsString(new ArrayList<>(arguments));
        this.link = link;
        this.createdAt = createdAt;
    }

    public Notification toNotification() {
        List<String> values = JSON.readValue(arguments, new TypeReference<List<String>>() { });
        return new Notification(id, messageKey, values, link, createdAt, readAt != null);
    }
}
