package eu.aiskills.academy.compute;

import java.util.List;
import java.util.Optional;

import eu.aiskills.academy.compute.internal.FactoryEntity;
import eu.aiskills.academy.compute.internal.Factories;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The EuroHPC AI Factories and their partitions: public information. */
@Service
public class FactoryRegistry {

    private final Factories factories;

    FactoryRegistry(Factories factories) {
        this.factories = factories;
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
}
