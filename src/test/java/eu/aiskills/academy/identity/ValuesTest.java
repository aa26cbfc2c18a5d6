package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import eu.aiskills.academy.shared.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @Test
    void emailIsNormalised() {
        assertThat(new EmailAddress("  Ana.Lopez@Example.ORG ").value()).isEqualTo("ana.lopez@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a b@example.org", "a@example", "@example.org", "a@@example.org",
            "a@exa_mple.org", "<script>@x.org"})
    void implausibleEmailsAreRefusedOnTheEmailField(String raw) {
        assertThatThrownBy(() -> new EmailAddress(raw))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void overlongEmailIsRefusedWithItsLimit() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".org";
        assertThatThrownBy(() -> new EmailAddress(email))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.email.too-long"));
    }

    @Test
    void displayNameIsTidiedAndGuarded() {
        assertThat(new DisplayName("  Ana   Lopez ").value()).isEqualTo("Ana Lopez");
        assertThatThrownBy(() -> new DisplayName("<b>Ana</b>")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> new DisplayName("Ana\u0007")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> new DisplayName(" ")).isInstanceOf(UserFacingException.class);
        assertThatThrownBy(() -> new DisplayName("x".repeat(DisplayName.MAX_LENGTH + 1))).isInstanceOf(UserFacingException.class);
    }

    @Test
    void newOrganisationChecksEachField() {
        assertThat(new NewOrganisation(" Sofia  Tech Park ", OrganisationKind.AI_FACTORY, "bg", "https://sofiatech.bg"))
                .satisfies(o -> {
                    assertThat(o.name()).isEqualTo("Sofia Tech Park");
                    assertThat(o.country()).isEqualTo("BG");
                });
        assertField(() -> new NewOrganisation("", OrganisationKind.EMPLOYER, null, null), "name");
        assertField(() -> new NewOrganisation("X", null, null, null), "kind");
        assertField(() -> new NewOrganisation("X", OrganisationKind.EMPLOYER, "Germany", null), "country");
        assertField(() -> new NewOrganisation("X", OrganisationKind.EMPLOYER, null, "javascript:alert(1)"), "website");
    }

    @Test
    void roleConstantsMatchTheRoles() throws IllegalAccessException {
        Set<String> constants = Arrays.stream(Roles.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ValuesTest::value)
                .collect(Collectors.toSet());
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        assertThat(constants).containsAll(roles);
        assertThat(constants).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(roles.stream(), java.util.stream.Stream.of(Roles.SYSTEM)).toList());
        for (Field field : Roles.class.getFields()) {
            assertThat(field.getName()).isEqualTo(value(field));
        }
    }

    @Test
    void onlyStudentAndFellowAreSelfAssignable() {
        assertThat(Role.selfAssignableRoles()).containsExactlyInAnyOrder(Role.STUDENT, Role.FELLOW);
        assertThatThrownBy(() -> NewAccount.of("ana@example.org", "Ana", "Curious-Learner-42", Set.of(), null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo("roles"));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
