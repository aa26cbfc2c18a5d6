package eu.aiskills.academy.compute.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import eu.aiskills.academy.compute.ComputeProperties;
import eu.aiskills.academy.compute.FactoryId;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.ContentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the AI Factory registry files ({@code content/factories/*.yaml}); each factory's
 * hosting entity becomes (or stays) an organisation of kind AI Factory, its operator. Files that
 * did not change since the last import are skipped, so the import can run at every start.
 */
@Component
@Order(20)
public class FactoryContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FactoryContentImport.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    record FactoryFile(String slug, String name, String hostingEntity, String hostCountry, List<String> consortium,
                       String supercomputer, String supercomputerNote, List<String> keySectors, String description,
                       String website, List<PartitionFile> partitions) {
    }

    record PartitionFile(String name, String gpuModel, Integer gpusPerNode, Integer nodes, Integer gpuMemoryGb,
                         Boolean assumed) {
    }

    private final ComputeProperties properties;
    private final Factories factories;
    private final OrganisationManagement organisations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FactoryContentImport(ComputeProperties properties, Factories factories, OrganisationManagement organisations,
                         TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.factories = factories;
        this.organisations = organisations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importFactories()) {
            importAll();
        }
    }

    /** Imports every registry file; returns how many factories were created or changed. */
    public int importAll() {
        Resource[] files = ContentFiles.list(properties.factoriesLocation(), "*.yaml");
        int changed = 0;
        for (Resource file : files) {
            if (importFactory(file)) {
                changed++;
            }
        }
        log.info("AI Factory registry: {} files read, {} factories created or changed", files.length, changed);
        return changed;
    }

    private boolean importFactory(Resource file) {
        byte[] raw = ContentFiles.read(file);
        FactoryFile factory = ContentFiles.yaml(raw, FactoryFile.class);
        validate(factory, file);
        String hash = ContentFiles.fingerprint(raw);
        return Boolean.TRUE.equals(SystemActor.call(() -> transactions.execute(status -> {
            FactoryEntity entity = factories.findBySlug(factory.slug())
                    .orElseGet(() -> new FactoryEntity(FactoryId.random(), factory.slug()));
            if (hash.equals(entity.contentHash())) {
                return false;
            }
            if (entity.editedByOperator()) {
                log.info("Factory {}: its operators edited it; the changed registry file {} is not applied", factory.slug(),
                        file.getFilename());
                return false;
            }
            OrganisationId operator = organisations.ensure(new NewOrganisation(factory.hostingEntity(),
                    OrganisationKind.AI_FACTORY, factory.hostCountry(), factory.website()));
            List<PartitionEntity.Draft> partitions = factory.partitions().stream()
                    .map(p -> new PartitionEntity.Draft(p.name(), p.gpuModel(), p.gpusPerNode(), p.nodes(),
                            p.gpuMemoryGb(), !Boolean.FALSE.equals(p.assumed())))
                    .toList();
            entity.update(new FactoryEntity.Draft(factory.name().strip(), factory.hostingEntity().strip(),
                    factory.hostCountry(), factory.consortium(), factory.supercomputer().strip(),
                    factory.supercomputerNote(), factory.keySectors(), factory.description(), partitions),
                    operator, hash, clock.instant());
            factories.save(entity);
            return true;
        })));
    }

    private static void validate(FactoryFile f, Resource source) {
        List<String> problems = new ArrayList<>();
        if (f.slug() == null || !SLUG.matcher(f.slug()).matches() || f.slug().length() > 60) {
            problems.add("slug must be lower-case words joined by '-' (at most 60 characters)");
        }
        if (blankOrLonger(f.name(), 120)) {
            problems.add("name is required (at most 120 characters)");
        }
        if (blankOrLonger(f.hostingEntity(), 200)) {
            problems.add("hostingEntity is required (at most 200 characters)");
        }
        if (f.hostCountry() == null || !COUNTRY.matcher(f.hostCountry()).matches()) {
            problems.add("hostCountry must be a two-letter country code such as FI");
        }
        if (f.consortium() == null || f.consortium().isEmpty()
                || !f.consortium().stream().allMatch(c -> c != null && COUNTRY.matcher(c).matches())) {
            problems.add("consortium must list two-letter country codes");
        }
        if (blankOrLonger(f.supercomputer(), 120)) {
            problems.add("supercomputer is required (at most 120 characters)");
        }
        if (f.keySectors() == null || f.keySectors().stream().anyMatch(s -> blankOrLonger(s, 80))) {
            problems.add("keySectors must be a list of names of at most 80 characters");
        }
        if (f.partitions() == null || f.partitions().isEmpty()) {
            problems.add("at least one partition is required");
        } else {
            var names = new HashSet<String>();
            for (PartitionFile p : f.partitions()) {
                if (blankOrLonger(p.name(), 60) || !names.add(p.name())) {
                    problems.add("each partition needs a unique name of at most 60 characters");
                }
                if (blankOrLonger(p.gpuModel(), 80)) {
                    problems.add("partition " + p.name() + " needs a gpuModel");
                }
                if (outside(p.gpusPerNode(), 1, 64) || outside(p.nodes(), 1, 100_000) || outside(p.gpuMemoryGb(), 1, 4096)) {
                    problems.add("partition " + p.name() + " needs gpusPerNode (1-64), nodes (1-100000) and gpuMemoryGb (1-4096)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("AI Factory file " + source.getDescription() + " is invalid: " + String.join("; ", problems));
        }
    }

    private static boolean blankOrLonger(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }

    private static boolean outside(Integer value, int min, int max) {
        return value == null || value < min || value > max;
    }

}
