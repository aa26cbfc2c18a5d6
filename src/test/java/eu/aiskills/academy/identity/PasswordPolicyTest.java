package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Curious-Learner-42", "tram gravel orbit lemon", "Ünïcödé-Pässwörd-9", "kx7#Lp2@vQ9!"})
    void acceptsLongUnpredictablePasswords(String password) {
        assertThat(PasswordPolicy.problem(password, "ana@example.org", "Ana Lopez")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'',validation.password.required",
            "short1!,validation.password.too-short",
            "aaaaaaaaaaaaaaa,validation.password.guessable",
            "abcdefghijklmnop,validation.password.guessable",
            "123456789012,validation.password.guessable",
            "Password1234,validation.password.common",
            "qwertyuiop12!,validation.password.common",
            "ana.lopez-2026-x,validation.password.personal",
            "LopezLopez1234,validation.password.personal"
    })
    void refusesWeakPasswordsWithTheReason(String password, String expectedKey) {
        assertThat(PasswordPolicy.problem(password, "ana.lopez@example.org", "Ana Lopez")).contains(expectedKey);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongAndControlCharacters() {
        assertThat(PasswordPolicy.problem("x".repeat(60) + "Yz7!".repeat(20), null, null)).contains("validation.password.too-long");
        assertThat(PasswordPolicy.problem("good-password\u0000here", null, null)).contains("validation.password.control-characters");
    }
}
