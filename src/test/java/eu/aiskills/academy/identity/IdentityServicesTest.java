package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Race;

/** Identity's services guard themselves: a forbidden call fails however it is made. */
@AcademyTest
class IdentityServicesTest {

    @Autowired
    Registration registration;
    @Autowired
    AccountManagement accounts;
    @Autowired
    OrganisationManagement organisations;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void forbiddenCallsFailEvenWhenMadeDirectly() {
        AccountId student = SystemActor.call(() -> accounts.findByEmail("student@academy.test")).orElseThrow().id();

        assertThatThrownBy(() -> accounts.changeRoles(student, EnumSet.of(Role.ADMIN)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accounts.search("", PageRequest.of(0, 10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        KaribuSupport.signIn(context, "student@academy.test");
        assertThatThrownBy(() -> accounts.changeRoles(student, EnumSet.of(Role.ADMIN))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registration.createAccount(NewAccount.of("x@example.org", "X", "Curious-Learner-42",
                Set.of(Role.ADMIN), null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.create(new NewOrganisation("Acme", OrganisationKind.EMPLOYER, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.get(SystemActor.call(() -> accounts.findByEmail("admin@academy.test")).orElseThrow().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.get(student).email()).isEqualTo("student@academy.test");

        KaribuSupport.signIn(context, "admin@academy.test");
        assertThat(accounts.search("student@", PageRequest.of(0, 10)).getContent())
                .extracting(AccountSummary::email).containsExactly("student@academy.test");
    }

    @Test
    void administratorsChangeRolesButNotTheirOwnAdminRole() {
        AccountId id = SystemActor.call(() -> registration.createAccount(
                NewAccount.of("promote@example.org", "Promoted Person", "Tram-Gravel-Orbit-7", EnumSet.of(Role.STUDENT), null)));
        KaribuSupport.signIn(context, "admin@academy.test");
        accounts.changeRoles(id, EnumSet.of(Role.STUDENT, Role.INSTRUCTOR));
        assertThat(accounts.get(id).roles()).containsExactlyInAnyOrder(Role.STUDENT, Role.INSTRUCTOR);

        AccountId admin = accounts.current().orElseThrow().id();
        assertThatThrownBy(() -> accounts.changeRoles(admin, EnumSet.of(Role.STUDENT)))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accounts.cannot-remove-own-admin"));
        assertThat(accounts.get(admin).roles()).contains(Role.ADMIN);
    }

    @Test
    void selfRegistrationOffersOnlyLearnerRoles() {
        assertThatThrownBy(() -> registration.register(NewAccount.of("sneaky@example.org", "Sneaky", "Tram-Gravel-Orbit-7",
                EnumSet.of(Role.STUDENT, Role.ADMIN), null)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("roles"));

        AccountId id = registration.register(NewAccount.of("Fellow.New@Example.org", "New Fellow", "Tram-Gravel-Orbit-7",
                EnumSet.of(Role.FELLOW), Locale.FRENCH));
        var user = userDetails.loadUserByUsername("fellow.new@example.org");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FELLOW");
        assertThat(user.getPassword()).startsWith("{argon2}");
        assertThat(passwordEncoder.matches("Tram-Gravel-Orbit-7", user.getPassword())).isTrue();
        assertThat(SystemActor.call(() -> accounts.get(id)).preferredLocale()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aTakenEmailIsRefusedOnTheEmailField() {
        assertThatThrownBy(() -> registration.register(NewAccount.of("STUDENT@academy.test", "Copycat", "Tram-Gravel-Orbit-7",
                EnumSet.of(Role.STUDENT), null)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.messageKey()).isEqualTo("registration.email-taken");
                });
    }

    /** Many people racing for one address: the database lets exactly one through. */
    @Test
    void concurrentRegistrationsForOneEmailCreateOneAccount() throws Exception {
        List<Boolean> created = Race.run(8, n -> () -> {
            try {
                registration.register(NewAccount.of("race@example.org", "Racer " + n, "Tram-Gravel-Orbit-7",
                        EnumSet.of(Role.STUDENT), null));
                return true;
            } catch (UserFacingException e) {
                assertThat(e.messageKey()).isEqualTo("registration.email-taken");
                return false;
            }
        });
        assertThat(created).containsOnlyOnce(true);
        KaribuSupport.signIn(context, "admin@academy.test");
        assertThat(accounts.search("race@example.org", PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndTheRules() {
        SystemActor.run(() -> registration.createAccount(
                NewAccount.of("changer@example.org", "Pat Changer", "Tram-Gravel-Orbit-7", EnumSet.of(Role.STUDENT), null)));
        KaribuSupport.signIn(context, "changer@example.org");
        assertThatThrownBy(() -> accounts.changePassword("wrong", "Lemon-Harbour-Kite-3"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> accounts.changePassword("Tram-Gravel-Orbit-7", "short"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("password"));
        accounts.changePassword("Tram-Gravel-Orbit-7", "Lemon-Harbour-Kite-3");
        assertThat(passwordEncoder.matches("Lemon-Harbour-Kite-3",
                userDetails.loadUserByUsername("changer@example.org").getPassword())).isTrue();
    }

    @Test
    void organisationManagersManageTheirMembersOnly() {
        OrganisationId robotics = SystemActor.call(() -> organisations.create(
                new NewOrganisation("Robotics Test GmbH", OrganisationKind.EMPLOYER, "DE", "https://robotics.example")));
        OrganisationId other = SystemActor.call(() -> organisations.create(
                new NewOrganisation("Other Test GmbH", OrganisationKind.EMPLOYER, "DE", null)));
        SystemActor.run(() -> organisations.addMember(robotics, "employer@academy.test", MembershipRole.MANAGER));

        KaribuSupport.signIn(context, "employer@academy.test");
        organisations.addMember(robotics, "student@academy.test", MembershipRole.MEMBER);
        assertThat(organisations.members(robotics)).extracting(Membership::accountEmail)
                .containsExactlyInAnyOrder("employer@academy.test", "student@academy.test");
        assertThatThrownBy(() -> organisations.addMember(other, "student@academy.test", MembershipRole.MEMBER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.addMember(robotics, "nobody@example.org", MembershipRole.MEMBER))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(organisations.myMemberships()).extracting(Membership::organisationName).contains("Robotics Test GmbH");
    }
}
