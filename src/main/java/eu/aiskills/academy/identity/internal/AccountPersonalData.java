package eu.aiskills.academy.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account itself: exported with its roles, linked sign-in identities and memberships;
 * erased by anonymising it (the row stays so that what others keep — an application's record,
 * GPU-hour accounting — still points somewhere, but it names nobody and can never sign in).
 */
@Component
class AccountPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    AccountPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", PersonalDataRows.of(jdbc, "SELECT email, display_name, preferred_locale, enabled, created_at FROM account WHERE id = ?", id));
        data.put("roles", jdbc.queryForList("SELECT role FROM account_role WHERE account_id = ? ORDER BY role", String.class, id));
        data.put("signInIdentities", PersonalDataRows.of(jdbc, "SELECT issuer, subject, linked_at FROM external_identity WHERE account_id = ?", id));
        data.put("memberships", PersonalDataRows.of(jdbc, "SELECT o.name AS organisation, m.role, m.created_at FROM membership m"
                + " JOIN organisation o ON o.id = m.organisation_id WHERE m.account_id = ?", id));
        return data;
    }

    @Override
    @Transactional
    public void erase(UUID account) {
        String id = account.toString();
        jdbc.update("UPDATE account SET email = ?, display_name = 'Erased account', password_hash = NULL, preferred_locale = NULL,"
                + " enabled = FALSE, version = version + 1 WHERE id = ?", "erased-" + id + "@erased.invalid", id);
        jdbc.update("DELETE FROM account_role WHERE account_id = ?", id);
        jdbc.update("DELETE FROM external_identity WHERE account_id = ?", id);
        jdbc.update("DELETE FROM membership WHERE account_id = ?", id);
    }
}
