package eu.aiskills.academy.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server in the test JVM (GreenMail) for tests of the mail the platform sends: one per
 * test class, on a free port, any login accepted. The outbox's own schedule is pushed out of the way;
 * tests send by calling it.
 */
public final class Smtp {

    private Smtp() {
    }

    /** For a {@code @RegisterExtension static} field. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** From a {@code @DynamicPropertySource} method: the platform's mail goes to {@code server}. */
    public static void register(DynamicPropertyRegistry registry, GreenMailExtension server) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> server.getSmtp().getPort());
        registry.add("academy.mail.interval", () -> "1h");
    }
}
