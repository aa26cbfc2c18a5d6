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

    /** The mails {@code server} received for {@code email}, oldest first. */
    public static jakarta.mail.internet.MimeMessage[] to(GreenMailExtension server, String email) {
        return java.util.Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toArray(jakarta.mail.internet.MimeMessage[]::new);
    }

    /**
     * The path and query ({@code reset-password?token=…}) of the platform's link to {@code route}
     * in the newest mail to {@code email}, once {@code count} mails have reached it.
     */
    public static String link(GreenMailExtension server, String email, String route, int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> to(server, email).length >= count);
        jakarta.mail.internet.MimeMessage[] mails = to(server, email);
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[mails.length - 1]).replace("=\r\n", "").replace("=3D", "=");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+/(" + java.util.regex.Pattern.quote(route)
                + "\\?token=[A-Za-z0-9_-]+)").matcher(body);
        if (!link.find()) {
            throw new AssertionError("No " + route + " link in the newest mail to " + email);
        }
        return link.group(1);
    }
}
