package eu.aiskills.academy.fellowships.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import eu.aiskills.academy.fellowships.CallDraft;
import eu.aiskills.academy.fellowships.Criterion;
import eu.aiskills.academy.fellowships.EligibilityRules;
import eu.aiskills.academy.fellowships.FellowshipCall;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.OfferDraft;
import eu.aiskills.academy.fellowships.Scheme;
import eu.aiskills.academy.identity.NewOrganisation;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The single-machine demo's fellowship call: researchers from outside the EU, placed at two demo
 * host institutions, open for eight weeks from the first start. Never in the mysql or prod profiles.
 */
@Component
@Profile("!mysql & !prod")
@ConditionalOnProperty(name = "academy.demo.enabled", havingValue = "true")
@Order(46)
class DemoFellowships implements ApplicationRunner {

    static final String SLUG = "ai-researchers-to-europe";
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Logger log = LoggerFactory.getLogger(DemoFellowships.class);

    private final FellowshipCalls calls;
    private final OrganisationManagement organisations;

    DemoFellowships(FellowshipCalls calls, OrganisationManagement organisations) {
        this.calls = calls;
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            try {
                calls.bySlug(SLUG);
                return;
            } catch (NotFoundException absent) {
                // First start: create it below.
            }
            LocalDateTime now = LocalDateTime.now(BRUSSELS).withSecond(0).withNano(0);
            FellowshipCall call = calls.create(new CallDraft(SLUG, "AI researchers to Europe (demo call)", Scheme.POSTDOCTORAL,
                    """
                    Two-year fellowships for researchers who live **outside the EU**, hosted by European institutes, teaching in
                    the AI Skills Academy as co-instructors. Fellows choose up to three host offers in order of preference.
                    """, now.minusDays(1), LocalDate.now(BRUSSELS).plusWeeks(8).atTime(17, 0), BRUSSELS, new BigDecimal("2400000"),
                    "EUR", 6, 3, 5,
                    new EligibilityRules(EligibilityRules.Nationality.NON_EU, 12, 36, EligibilityRules.CareerStage.PHD_WITHIN_YEARS, 8, 12, 36),
                    List.of("CV", "Research plan"),
                    List.of(new Criterion("Excellence", "Quality and originality of the research", new BigDecimal("50")),
                            new Criterion("Impact", "For the Academy, its learners and the host", new BigDecimal("30")),
                            new Criterion("Implementation", "Feasibility of the plan and the teaching", new BigDecimal("20")))));
            calls.publish(call.id());
            OrganisationId nordic = organisations.ensure(new NewOrganisation("Nordic Institute for Machine Learning (demo)",
                    OrganisationKind.HOST_INSTITUTION, "FI", null));
            OrganisationId iberian = organisations.ensure(new NewOrganisation("Iberian Centre for Trustworthy AI (demo)",
                    OrganisationKind.HOST_INSTITUTION, "ES", null));
            calls.addOffer(call.id(), new OfferDraft(nordic, "Machine learning for Arctic climate data",
                    "Models of sea ice from satellite data, on LUMI.", "Dr. Aino Virtanen",
                    List.of("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43"), 2, "Helsinki", "FI"));
            calls.addOffer(call.id(), new OfferDraft(nordic, "Deep learning on supercomputers", "Scaling training across GPUs.",
                    "Dr. Mikko Laine", List.of("http://data.europa.eu/esco/skill/ecc4552a-92c5-4222-b18d-faf5ac841080"), 1, "Espoo", "FI"));
            calls.addOffer(call.id(), new OfferDraft(iberian, "Auditing AI systems under the AI Act", "Methods and tools for audits.",
                    "Dr. Lucía Romero", List.of(), 2, "Barcelona", "ES"));
            log.info("Demo fellowship call '{}' opened", SLUG);
        });
    }
}
