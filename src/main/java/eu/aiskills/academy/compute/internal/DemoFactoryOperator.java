package eu.aiskills.academy.compute.internal;

import eu.aiskills.academy.compute.FactoryRegistry;
import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In the single-machine demo, the demo factory operator operates the LUMI AI Factory. */
@Component
@Profile("!mysql & !prod")
@ConditionalOnProperty(name = "academy.demo.enabled", havingValue = "true")
@Order(40)
class DemoFactoryOperator implements ApplicationRunner {

    static final String OPERATOR_EMAIL = "operator@academy.test";
    static final String FACTORY_SLUG = "lumi";

    private static final Logger log = LoggerFactory.getLogger(DemoFactoryOperator.class);

    private final FactoryRegistry registry;
    private final OrganisationManagement organisations;

    DemoFactoryOperator(FactoryRegistry registry, OrganisationManagement organisations) {
        this.registry = registry;
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        registry.bySlug(FACTORY_SLUG).filter(f -> f.operator() != null).ifPresent(factory -> SystemActor.run(() -> {
            try {
                organisations.addMember(factory.operator(), OPERATOR_EMAIL, MembershipRole.MANAGER);
            } catch (UserFacingException e) {
                log.warn("Demo operator not linked to {}: {}", factory.name(), e.getMessage());
            }
        }));
    }
}
