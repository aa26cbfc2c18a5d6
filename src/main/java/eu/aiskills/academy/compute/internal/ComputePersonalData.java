package eu.aiskills.academy.compute.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GPU-hours: the allocations a person requested, their own quota (a learner's cap) with every
 * movement, their bookings and batch jobs. Erasure keeps all of it: the factories' accounting of
 * GPU-hours is owed to them and to the other users of the allocation; it points at the
 * anonymised account and names nobody.
 */
@Component
class ComputePersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;

    ComputePersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "compute";
    }

    @Override
    public Map<String, Object> export(UUID account) {
        String id = account.toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allocationsRequested", PersonalDataRows.of(jdbc, "SELECT id, partition_name, access_mode, requested_hours, granted_hours,"
                + " justification, status, valid_from, valid_until, requested_at, decided_at, decision_note FROM gpu_allocation"
                + " WHERE requester_id = ? ORDER BY requested_at", id));
        data.put("quotaMovements", PersonalDataRows.of(jdbc, "SELECT e.kind, e.hours, e.reason, e.created_at FROM quota_entry e"
                + " JOIN quota_account a ON a.id = e.account_id WHERE a.learner_id = ? OR e.actor_id = ? ORDER BY e.created_at", id, id));
        data.put("bookings", PersonalDataRows.of(jdbc, "SELECT * FROM lab_booking WHERE booked_by = ?", id));
        data.put("jobs", PersonalDataRows.of(jdbc, "SELECT * FROM scheduler_job WHERE owner_id = ?", id));
        return data;
    }

    @Override
    public void erase(UUID account) {
        // Kept on purpose (see above): nothing here names the person once the account is anonymised.
    }
}
