package eu.aiskills.academy.compute;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.aiskills.academy.compute.internal.Factories;
import eu.aiskills.academy.compute.internal.FactoryEntity;
import eu.aiskills.academy.compute.internal.PartitionEntity;
import eu.aiskills.academy.compute.internal.PartitionUse;
import eu.aiskills.academy.compute.internal.slurm.SlurmConnector;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The EuroHPC AI Factories and their partitions: public information, kept up to date by each factory's operators. */
@Service
public class FactoryRegistry {

    private static final Logger log = LoggerFactory.getLogger(FactoryRegistry.class);
    private static final Pattern PARTITION_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (FactoryEdit.PARTITION_NAME_MAX - 1) + "}");
    private static final Pattern SLURM_USER = Pattern.compile("[a-z_][a-z0-9_.-]{0," + (FactoryEdit.SCHEDULER_USER_MAX - 1) + "}");
    private static final Pattern WORK_DIR = Pattern.compile("/[A-Za-z0-9._/-]{0," + (FactoryEdit.WORK_DIR_MAX - 1) + "}");

    private final Factories factories;
    private final OrganisationManagement organisations;
    private final PartitionUse use;
    private final Clock clock;

    FactoryRegistry(Factories factories, OrganisationManagement organisations, PartitionUse use, Clock clock) {
        this.factories = factories;
        this.organisations = organisations;
        this.use = use;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<FactorySummary> all() {
        return factories.findAllByOrderByNameAsc().stream().map(FactoryEntity::toSummary).toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<FactorySummary> bySlug(String slug) {
        return factories.findBySlug(slug).map(FactoryEntity::toSummary);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public long count() {
        return factories.count();
    }

    /** Whether the caller may edit the factory (its operators and administrators). */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean mayEdit(FactorySummary factory) {
        return CurrentUser.hasRole(Roles.ADMIN) || (CurrentUser.hasRole(Roles.FACTORY_OPERATOR) && factory.operator() != null
                && organisations.isMember(factory.operator()));
    }

    /**
     * An operator's edit of their factory: description, sectors, partitions and the Slurm endpoint.
     * A partition that bookings or live allocations use cannot be removed, and none can shrink below
     * the GPUs already booked on it.
     */
    @RolesAllowed({Roles.FACTORY_OPERATOR, Roles.ADMIN})
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public FactorySummary edit(FactoryId id, FactoryEdit edit) {
        FactoryEntity entity = factories.findById(id.value()).orElseThrow(() -> new NotFoundException("factory.not-found"));
        FactorySummary before = entity.toSummary();
        if (!mayEdit(before)) {
            CurrentUser.requireId();
            throw new AccessDeniedException("Not an operator of factory " + before.slug());
        }
        // The factory's partitions, exclusively: bookings decide under the same lock, so none slips past the checks below.
        use.lockPartitions(id.value());
        String description = text(edit.description(), FactoryEdit.DESCRIPTION_MAX, "description", true);
        String note = text(edit.supercomputerNote(), FactoryEdit.SUPERCOMPUTER_NOTE_MAX, "supercomputerNote", false);
        List<String> sectors = new ArrayList<>();
        for (String sector : edit.keySectors()) {
            String value = text(sector, FactoryEdit.SECTOR_MAX, "keySectors", false);
            if (value != null && !sectors.contains(value)) {
                sectors.add(value);
            }
        }
        if (sectors.size() > 12) {
            throw UserFacingException.onField("keySectors", "factory.invalid.sectors", 12);
        }
        List<PartitionEntity.Draft> partitions = partitions(edit.partitions());
        SchedulerEndpoint scheduler = scheduler(edit.scheduler());
        Set<String> kept = new HashSet<>();
        partitions.forEach(p -> kept.add(p.name()));
        for (PartitionSummary old : before.partitions()) {
            if (!kept.contains(old.name()) && inUse(id, old.name())) {
                throw UserFacingException.onField("partitions", "factory.invalid.partition-in-use", old.name());
            }
        }
        for (PartitionEntity.Draft p : partitions) {
            int capacity = p.gpusPerNode() * p.nodes();
            PartitionUse.Peak peak = bookedPeak(id, p.name());
            if (peak.gpus() > capacity) {
                throw UserFacingException.onField("partitions", "factory.invalid.partition-booked", p.name(), peak.gpus(), peak.at());
            }
        }
        entity.edit(description, note, sectors, partitions, scheduler, CurrentUser.requireId().value(), clock.instant());
        factories.save(entity);
        log.info("Factory {} edited by {}", before.slug(), CurrentUser.requireId());
        return entity.toSummary();
    }

    private static List<PartitionEntity.Draft> partitions(List<FactoryEdit.PartitionEdit> edits) {
        if (edits.isEmpty() || edits.size() > FactoryEdit.PARTITIONS_MAX) {
            throw UserFacingException.onField("partitions", "factory.invalid.partitions", FactoryEdit.PARTITIONS_MAX);
        }
        List<PartitionEntity.Draft> drafts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FactoryEdit.PartitionEdit p : edits) {
            String name = p.name() == null ? "" : p.name().strip();
            if (!PARTITION_NAME.matcher(name).matches() || !names.add(name)) {
                throw UserFacingException.onField("partitions", "factory.invalid.partition-name", name);
            }
            String model = text(p.gpuModel(), FactoryEdit.GPU_MODEL_MAX, "partitions", true);
            if (p.gpusPerNode() < 1 || p.gpusPerNode() > 16 || p.nodes() < 1 || p.nodes() > 100_000 || p.gpuMemoryGb() < 1
                    || p.gpuMemoryGb() > 2048) {
                throw UserFacingException.onField("partitions", "factory.invalid.partition-sizes", name);
            }
            drafts.add(new PartitionEntity.Draft(name, model, p.gpusPerNode(), p.nodes(), p.gpuMemoryGb(), false));
        }
        return drafts;
    }

    private static SchedulerEndpoint scheduler(SchedulerEndpoint endpoint) {
        if (endpoint == null || endpoint.url() == null || endpoint.url().isBlank()) {
            return null;
        }
        String url = endpoint.url().strip();
        try {
            URI uri = new URI(url);
            if (url.length() > FactoryEdit.SCHEDULER_URL_MAX || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                throw UserFacingException.onField("schedulerUrl", "factory.invalid.scheduler-url");
            }
        } catch (URISyntaxException e) {
            throw UserFacingException.onField("schedulerUrl", "factory.invalid.scheduler-url");
        }
        if (endpoint.apiVersion() == null || !SlurmConnector.versions().contains(endpoint.apiVersion())) {
            throw UserFacingException.onField("schedulerApiVersion", "factory.invalid.scheduler-version",
                    String.join(", ", SlurmConnector.versions()));
        }
        String user = endpoint.user() == null ? "" : endpoint.user().strip();
        if (!SLURM_USER.matcher(user).matches()) {
            throw UserFacingException.onField("schedulerUser", "factory.invalid.scheduler-user");
        }
        String workDir = endpoint.workDir() == null || endpoint.workDir().isBlank() ? "/tmp" : endpoint.workDir().strip();
        if (!WORK_DIR.matcher(workDir).matches() || workDir.contains("..")) {
            throw UserFacingException.onField("schedulerWorkDir", "factory.invalid.scheduler-work-dir");
        }
        return new SchedulerEndpoint(url, endpoint.apiVersion(), user, workDir);
    }

    private static String text(String value, int max, String field, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if ((required && stripped.isEmpty()) || stripped.length() > max
                || stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw UserFacingException.onField(field, required ? "factory.invalid.required-text" : "factory.invalid.text", max);
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private boolean inUse(FactoryId factory, String partition) {
        return use.inUse(factory.value(), partition);
    }

    /** The most GPUs booked at once on the partition from now on, and when. */
    private PartitionUse.Peak bookedPeak(FactoryId factory, String partition) {
        return use.bookedPeak(factory.value(), partition, clock.instant());
    }
}
