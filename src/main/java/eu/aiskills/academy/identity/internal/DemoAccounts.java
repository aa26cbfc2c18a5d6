package eu.aiskills.academy.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eu.aiskills.academy.identity.NewAccount;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo account per role for the single-machine run. Never in the {@code mysql} or
 * {@code prod} profiles, whatever {@code academy.demo.enabled} says. README lists them.
 */
@Component
@Profile("!mysql & !prod")
@ConditionalOnProperty(name = "academy.demo.enabled", havingValue = "true")
@Order(10)
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** A demo account as README lists it. */
    public record Demo(String email, String name, String password, Set<Role> roles) {
    }

    public static final List<Demo> ACCOUNTS = List.of(
            new Demo("student@academy.test", "Stella Student", "Curious-Learner-42", EnumSet.of(Role.STUDENT)),
            new Demo("fellow@academy.test", "Farid Fellow", "Visiting-Scholar-42", EnumSet.of(Role.FELLOW, Role.STUDENT)),
            new Demo("employer@academy.test", "Emma Employer", "Hiring-Manager-42", EnumSet.of(Role.EMPLOYER)),
            new Demo("instructor@academy.test", "Ines Instructor", "Patient-Teacher-42", EnumSet.of(Role.INSTRUCTOR)),
            new Demo("reviewer@academy.test", "Rui Reviewer", "Fair-Assessor-42", EnumSet.of(Role.REVIEWER)),
            new Demo("operator@academy.test", "Olli Operator", "Gpu-Custodian-42", EnumSet.of(Role.FACTORY_OPERATOR)),
            new Demo("admin@academy.test", "Ada Admin", "Platform-Keeper-42", EnumSet.of(Role.ADMIN)));

    private final Registration registration;
    private final Accounts accounts;

    DemoAccounts(Registration registration, Accounts accounts) {
        this.registration = registration;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            int created = 0;
            for (Demo demo : ACCOUNTS) {
                if (!accounts.existsByEmail(demo.email())) {
                    registration.createAccount(NewAccount.of(demo.email(), demo.name(), demo.password(), demo.roles(), Locale.ENGLISH));
                    created++;
                }
            }
            log.info("Demo accounts: {} created, {} already present", created, ACCOUNTS.size() - created);
        });
    }
}
