package eu.aiskills.academy.compute.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a factory's partitions are used, for an operator's edit of them (ADR 0019): the lock that
 * bookings decide under, whether allocations or bookings name a partition, and the most GPUs
 * booked on it at once from now on. {@code FactoryRegistry} checks who may edit.
 */
@Component
public class PartitionUse {

    /** The most GPUs booked at once, and when that begins (null when nothing is booked). */
    public record Peak(int gpus, Instant at) {
    }

    private final JdbcTemplate jdbc;

    PartitionUse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the factory's partitions for this transaction: bookings take the same lock, so none slips past an edit's checks. */
    public void lockPartitions(UUID factory) {
        jdbc.queryForList("SELECT id FROM factory_partition WHERE factory_id = ? FOR UPDATE", String.class, factory.toString());
    }

    /** Whether a live allocation or any booking names the partition. */
    public boolean inUse(UUID factory, String partition) {
        Integer uses = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM gpu_allocation WHERE factory_id = ? AND partition_name = ?"
                + " AND status IN ('REQUESTED', 'APPROVED')) + (SELECT COUNT(*) FROM lab_booking b JOIN factory_partition p"
                + " ON p.id = b.partition_id WHERE p.factory_id = ? AND p.name = ?)", Integer.class,
                factory.toString(), partition, factory.toString(), partition);
        return uses != null && uses > 0;
    }

    /** The most GPUs booked at once on the partition after {@code now}, and when. */
    public Peak bookedPeak(UUID factory, String partition, Instant now) {
        TreeMap<Instant, Integer> changes = new TreeMap<>();
        jdbc.query("SELECT b.starts_at, b.ends_at, b.gpus FROM lab_booking b JOIN factory_partition p ON p.id = b.partition_id"
                        + " WHERE p.factory_id = ? AND p.name = ? AND b.status = 'BOOKED' AND b.ends_at > ?",
                rs -> {
                    changes.merge(Jdbc.instant(rs, "starts_at"), rs.getInt("gpus"), Integer::sum);
                    changes.merge(Jdbc.instant(rs, "ends_at"), -rs.getInt("gpus"), Integer::sum);
                }, factory.toString(), partition, Timestamp.from(now));
        int held = 0;
        Peak peak = new Peak(0, null);
        for (Map.Entry<Instant, Integer> change : changes.entrySet()) {
            held += change.getValue();
            if (held > peak.gpus()) {
                peak = new Peak(held, change.getKey());
            }
        }
        return peak;
    }
}
