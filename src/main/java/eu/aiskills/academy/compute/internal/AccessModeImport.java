package eu.aiskills.academy.compute.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.aiskills.academy.compute.ComputeProperties;
import eu.aiskills.academy.shared.ContentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the access modes ({@code content/compute/access-modes.yaml}): added or updated by code, never deleted. */
@Component
@Order(21)
class AccessModeImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessModeImport.class);

    record ModesFile(List<Mode> modes) {
    }

    record Mode(String code, String name, String description, BigDecimal maxGpuHours, Integer maxDays, Boolean reviewNeeded) {
    }

    private final ComputeProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    AccessModeImport(ComputeProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importFactories()) {
            importAll();
        }
    }

    int importAll() {
        Resource resource = new DefaultResourceLoader().getResource(properties.accessModesLocation());
        ModesFile file = ContentFiles.yaml(ContentFiles.read(resource), ModesFile.class);
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Mode mode : file.modes() == null ? List.<Mode>of() : file.modes()) {
            if (mode.code() == null || !mode.code().matches("[a-z][a-z0-9-]{0,39}") || !codes.add(mode.code())) {
                problems.add("code '" + mode.code() + "' must be unique lower-case words joined by '-'");
            }
            if (mode.name() == null || mode.name().isBlank() || mode.name().length() > 120
                    || mode.description() == null || mode.description().length() > 600) {
                problems.add(mode.code() + ": name (at most 120) and description (at most 600 characters) are required");
            }
            if (mode.maxGpuHours() == null || mode.maxGpuHours().signum() <= 0 || mode.maxDays() == null || mode.maxDays() <= 0
                    || mode.reviewNeeded() == null) {
                problems.add(mode.code() + ": maxGpuHours and maxDays must be positive, reviewNeeded true or false");
            }
        }
        if (codes.isEmpty()) {
            problems.add("no access modes listed");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Access modes " + resource.getDescription() + " are invalid: " + String.join("; ", problems));
        }
        Integer changed = transactions.execute(status -> {
            int count = 0;
            for (Mode mode : file.modes()) {
                count += jdbc.update("UPDATE access_mode SET name = ?, description = ?, max_gpu_hours = ?, max_days = ?,"
                        + " review_needed = ? WHERE code = ?", mode.name(), mode.description(), mode.maxGpuHours(),
                        mode.maxDays(), mode.reviewNeeded(), mode.code());
                if (jdbc.queryForObject("SELECT COUNT(*) FROM access_mode WHERE code = ?", Integer.class, mode.code()) == 0) {
                    jdbc.update("INSERT INTO access_mode (code, name, description, max_gpu_hours, max_days, review_needed)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", mode.code(), mode.name(), mode.description(), mode.maxGpuHours(),
                            mode.maxDays(), mode.reviewNeeded());
                    count++;
                }
            }
            return count;
        });
        log.info("Access modes: {} read", file.modes().size());
        return changed == null ? 0 : changed;
    }
}
