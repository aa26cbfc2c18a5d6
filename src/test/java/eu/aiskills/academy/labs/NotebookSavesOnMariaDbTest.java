package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import eu.aiskills.academy.identity.AcademyPrincipal;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.MariaDb;
import eu.aiskills.academy.testsupport.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Saving a learner's notebook on MariaDB: of many saves of one revision at once, exactly one lands; none is lost or doubled. */
@SpringBootTest
@ActiveProfiles({"test", "mysql"})
class NotebookSavesOnMariaDbTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MariaDb.register(registry);
    }

    @Autowired
    Labs labs;

    @Test
    void concurrentSavesOfOneRevisionLandOnce() throws Exception {
        AccountId learner = new AccountId(UUID.randomUUID());
        AcademyPrincipal principal = new AcademyPrincipal() {
            @Override
            public AccountId accountId() {
                return learner;
            }

            @Override
            public String email() {
                return "learner@example.org";
            }

            @Override
            public String displayName() {
                return "Learner";
            }
        };
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_STUDENT")));

        SecurityContextHolder.getContext().setAuthentication(authentication);
        LabNotebook opened = labs.myNotebook("first-classifier");
        SecurityContextHolder.clearContext();
        // Twelve tabs that opened the same revision save at once.
        List<Object> results = Race.run(12, i -> () -> {
            SecurityContextHolder.getContext().setAuthentication(authentication);
            try {
                LabNotebook mine = opened;
                return labs.save("first-classifier", mine.withCells(mine.cells()), "autosave").revision();
            } catch (UserFacingException e) {
                return e.messageKey();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });

        assertThat(results).filteredOn(Integer.class::isInstance).containsExactly(1);
        assertThat(results).filteredOn(String.class::isInstance).containsOnly("lab.notebook.conflict").hasSize(11);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            assertThat(labs.revisions("first-classifier")).extracting(Labs.Revision::number).containsExactly(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
