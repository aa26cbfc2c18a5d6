package eu.aiskills.academy.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** People signing in through an OpenID Connect provider land on the right local account. */
@AcademyTest
class OidcAccountLinkingTest {

    private static final String ISSUER = "https://idp.example.eu";

    @Autowired
    OidcAccountLinking linking;
    @Autowired
    Accounts accounts;

    @Test
    void aNewPersonBecomesAStudent() {
        AccountEntity account = linking.link(ISSUER, "subject-1", "New.Person@Example.org", true, "New Person");
        assertThat(account.email()).isEqualTo("new.person@example.org");
        assertThat(account.displayName()).isEqualTo("New Person");
        assertThat(account.roles()).containsExactly(Role.STUDENT);
        assertThat(account.passwordHash()).isNull();
    }

    @Test
    void aKnownEmailIsLinkedAndKeepsItsRoles() {
        AccountEntity admin = linking.link(ISSUER, "subject-admin", "admin@academy.test", true, "Someone Else");
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.displayName()).isEqualTo("Ada Admin");
    }

    @Test
    void theSameSubjectComesBackToTheSameAccountEvenWithAnotherEmail() {
        AccountEntity first = linking.link(ISSUER, "subject-2", "first@example.org", true, "Fiona First");
        AccountEntity again = linking.link(ISSUER, "subject-2", "changed@example.org", true, "Fiona First");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(accounts.findByEmail("changed@example.org")).isEmpty();
    }

    @Test
    void anUnverifiedEmailIsNotTrusted() {
        assertThatThrownBy(() -> linking.link(ISSUER, "subject-3", "admin@academy.test", false, "Mallory"))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> linking.link(ISSUER, "subject-4", null, true, "No Mail"))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
