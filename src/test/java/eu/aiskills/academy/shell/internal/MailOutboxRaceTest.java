package eu.aiskills.academy.shell.internal;

import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shell.Notifications;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.Race;
import eu.aiskills.academy.testsupport.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Several instances' outboxes working at once (here: threads) send every pending mail exactly once. */
@AcademyTest
class MailOutboxRaceTest {

    @RegisterExtension
    static GreenMailExtension smtp = Smtp.server();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        Smtp.register(registry, smtp);
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    Notifications notifications;
    @Autowired
    AccountManagement accounts;

    @Test
    void outboxesRacingSendEachMailOnce() throws Exception {
        outbox.sendPending();
        int before = smtp.getReceivedMessages().length;
        AccountId student = SystemActor.call(() -> accounts.findByEmail("student@academy.test")).orElseThrow().id();
        IntStream.range(0, 30).forEach(n -> SystemActor.run(() -> notifications.notify(student, "notification.posting-alert",
                List.of("Role " + n, "Alert"), "/postings")));

        List<Integer> sent = Race.run(4, racer -> outbox::sendPending);

        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(smtp.getReceivedMessages()).hasSize(before + 30);
        assertThat(outbox.sendPending()).isZero();
    }
}
