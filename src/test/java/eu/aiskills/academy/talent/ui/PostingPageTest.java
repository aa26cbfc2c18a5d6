package eu.aiskills.academy.talent.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.OrganisationKind;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.talent.Posting;
import eu.aiskills.academy.talent.PostingDraft;
import eu.aiskills.academy.talent.PostingKind;
import eu.aiskills.academy.talent.Postings;
import eu.aiskills.academy.talent.RemotePolicy;
import eu.aiskills.academy.talent.Seniority;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** An open posting's page carries its schema.org JobPosting in the HTML the server sends; a draft's does not. */
@AcademyWebTest
class PostingPageTest {

    @LocalServerPort
    int port;
    @Autowired
    Postings postings;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @Test
    void theOpenPostingsPageServesItsJobPostingJsonLd() throws Exception {
        List<String> skills = catalogue.skills().stream().map(Skill::uri).limit(2).toList();
        KaribuSupport.signIn(context, "employer@academy.test");
        var company = organisations.myMemberships().stream().filter(m -> m.organisationKind() == OrganisationKind.EMPLOYER).findFirst()
                .orElseThrow().organisationId();
        Posting returnship = postings.create(new PostingDraft(company, PostingKind.RETURNSHIP, "Returnship: data scientist </script>",
                "For professionals coming back after a career break.", null, Seniority.MID, List.of(), RemotePolicy.REMOTE, "FI", false,
                null, null, null, null, List.of("en"), LocalDate.now(ZoneOffset.UTC).plusDays(20), 2, skills, List.of(), null, List.of(), List.of()));
        Posting draft = postings.create(new PostingDraft(company, PostingKind.JOB, "Unpublished role", "Not yet.", null, Seniority.SENIOR,
                List.of("Espoo"), RemotePolicy.ON_SITE, "FI", false, null, null, null, null, List.of("en"),
                LocalDate.now(ZoneOffset.UTC).plusDays(20), 1, skills, List.of(), null, List.of(), List.of()));
        postings.publish(returnship.id());
        SecurityContextHolder.clearContext();

        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/postings/" + returnship.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<script type=\"application/ld+json\">").contains("\"@type\":\"JobPosting\"")
                .contains("\"jobLocationType\":\"TELECOMMUTE\"").contains("\"@type\":\"DefinedTerm\"").contains(Skill.ESCO_PREFIX)
                .doesNotContain("data scientist </script>").contains("data scientist <\\/script>");
        String hidden = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/postings/" + draft.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(hidden).doesNotContain("JobPosting");
    }
}
