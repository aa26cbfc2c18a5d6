package eu.aiskills.academy.search.internal;

import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.search.RebuildReport;
import eu.aiskills.academy.search.SearchAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line rebuild: {@code java -jar academy.jar --academy.search.rebuild=catalogue}
 * (or {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--academy.search.rebuild=catalogue})
 * starts the application, rebuilds that index, reports and exits with 0 on success.
 */
@Component
@ConditionalOnProperty("academy.search.rebuild")
@Order(100)
class RebuildCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    private final SearchAdministration administration;
    private final ConfigurableApplicationContext context;
    private final String name;

    RebuildCommand(SearchAdministration administration, ConfigurableApplicationContext context,
                   org.springframework.core.env.Environment environment) {
        this.administration = administration;
        this.context = context;
        this.name = environment.getRequiredProperty("academy.search.rebuild");
    }

    @Override
    public void run(ApplicationArguments args) {
        int exit;
        try {
            RebuildReport report = SystemActor.call(() -> administration.rebuild(name,
                    progress -> log.info("Rebuilding {}: {}%", name, Math.round(progress * 100))));
            log.info("Rebuilt search index {} as {}: {} documents in {} ms", report.name(), report.index(),
                    report.documents(), report.took().toMillis());
            exit = 0;
        } catch (RuntimeException e) {
            log.error("Rebuilding search index {} failed: {}", name, e.getMessage(), e);
            exit = 1;
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
