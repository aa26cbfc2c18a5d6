package eu.aiskills.academy.enrolment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import eu.aiskills.academy.enrolment.CredentialId;
import eu.aiskills.academy.enrolment.CredentialKind;
import eu.aiskills.academy.enrolment.CredentialSummary;
import org.junit.jupiter.api.Test;

/** LinkedIn's add-to-profile link carries the certification's name, issuer, month, verification address and id. */
class LinkedInLinkTest {

    @Test
    void theLinkFillsInTheCertification() {
        CredentialId id = new CredentialId(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        CredentialSummary credential = new CredentialSummary(id, CredentialKind.COURSE, "Stella Student", "Foundations of Generative AI & more",
                Instant.parse("2026-12-03T18:00:00Z"), null, null);
        URI link = URI.create(LinkedInLink.of(credential, "AI Skills Academy", "https://academy.example.eu/credentials/" + id.value()));
        assertThat(link.getScheme() + "://" + link.getHost() + link.getPath()).isEqualTo("https://www.linkedin.com/profile/add");
        Map<String, String> query = Arrays.stream(link.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("startTask", "CERTIFICATION_NAME").containsEntry("name", "Foundations of Generative AI & more")
                .containsEntry("organizationName", "AI Skills Academy").containsEntry("issueYear", "2026").containsEntry("issueMonth", "12")
                .containsEntry("certUrl", "https://academy.example.eu/credentials/" + id.value())
                .containsEntry("certId", id.value().toString());
    }
}
