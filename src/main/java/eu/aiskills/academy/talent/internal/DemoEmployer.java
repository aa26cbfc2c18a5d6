package eu.aiskills.academy.talent.internal;

import eu.aiskills.academy.identity.MembershipRole;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationKind;
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

/** In the single-machine demo, the demo employer hires for an AI company. */
@Component
@Profile("!mysql & !prod")
@ConditionalOnProperty(name = "academy.demo.enabled", havingValue = "true")
@Order(45)
class DemoEmployer implements ApplicationRunner {

    static final String EMPLOYER_EMAIL = "employer@academy.test";
    static final String COMPANY = "Aurora Applied AI";

    private static final Logger log = LoggerFactory.getLogger(DemoEmployer.class);

    private final OrganisationManagement organisations;

    DemoEmployer(OrganisationManagement organisations) {
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            try {
                var company = organisations.ensure(new NewOrganisation(COMPANY, OrganisationKind.EMPLOYER, "FI",
                        "https://aurora-ai.example"));
                if (organisations.members(company).stream().noneMatch(m -> EMPLOYER_EMAIL.equals(m.accountEmail()))) {
                    organisations.addMember(company, EMPLOYER_EMAIL, MembershipRole.MANAGER);
                }
            } catch (UserFacingException e) {
                log.warn("Demo employer not linked to {}: {}", COMPANY, e.getMessage());
            }
        });
    }
}
