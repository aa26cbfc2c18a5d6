package eu.aiskills.academy.shell.internal;

import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A person's notifications: exported, and deleted on erasure. */
@Component
class NotificationsPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    NotificationsPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        return Map.of("notifications", PersonalDataRows.of(jdbc, "SELECT message_key, arguments, link, created_at, read_at, email_state"
                + " FROM notification WHERE account_id = ? ORDER BY created_at", account.toString()));
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        jdbc.update("DELETE FROM notification WHERE account_id = ?", account.toString());
    }
}
