package eu.aiskills.academy.compute.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.compute.AccessMode;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What allocations read besides their own rows (ADR 0019): the access modes one may request under,
 * and which AI Factories granted GPU-hours to which runs, read in chunks of 500 runs.
 * {@code Allocations} checks who may ask.
 */
@Component
public class AllocationQueries {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    AllocationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccessMode> accessModes() {
        return jdbc.query("SELECT * FROM access_mode ORDER BY max_gpu_hours", (rs, n) -> new AccessMode(rs.getString("code"),
                rs.getString("name"), rs.getString("description"), rs.getBigDecimal("max_gpu_hours"), rs.getInt("max_days"),
                rs.getBoolean("review_needed")));
    }

    /** For each of these runs, the names of the factories with an approved allocation for it. */
    public Map<UUID, List<String>> factoriesOfRuns(Collection<UUID> runIds) {
        Map<UUID, List<String>> factories = new HashMap<>();
        List<UUID> ids = List.copyOf(runIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("SELECT DISTINCT a.run_id, f.name FROM gpu_allocation a JOIN ai_factory f ON f.id = a.factory_id"
                            + " WHERE a.status = 'APPROVED' AND a.run_id IN (" + Jdbc.placeholders(chunk.size()) + ")"
                            + " ORDER BY f.name",
                    rs -> {
                        factories.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>()).add(rs.getString(2));
                    }, chunk.stream().map(UUID::toString).toArray());
        }
        return factories;
    }
}
