package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import eu.aiskills.academy.identity.internal.SecondFactorCodes;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The second factor with codes an authenticator app would show (RFC 6238, computed here from the
 * set-up's key): set up and confirmed with a first code, ten recovery codes once, a code accepted
 * once at sign-in, a recovery code once, turned off only with the password.
 */
@AcademyTest
class SecondFactorTest {

    @Autowired
    SecondFactor secondFactor;
    @Autowired
    SecondFactorCodes codes;
    @Autowired
    Registration registration;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ApplicationContext context;

    static String codeNow(String secret, long offsetSteps) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Instant.now().getEpochSecond() / 30 + offsetSteps);
    }

    @Test
    void setUpSignInWithACodeOnceAndWithARecoveryCodeOnceThenTurnOffWithThePassword() throws Exception {
        String email = "two-steps-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId id = SystemActor.call(() -> registration.createAccount(NewAccount.of(email, "Tess Twostep", "Tram-Gravel-Orbit-7",
                Set.of(Role.STUDENT), Locale.ENGLISH)));
        KaribuSupport.signIn(context, email);
        assertThat(codes.enabledFor(id)).isFalse();

        SecondFactor.Setup setup = secondFactor.begin();
        assertThat(setup.secret()).matches("[A-Z2-7]{32}");
        assertThat(setup.uri()).startsWith("otpauth://totp/").contains("secret=" + setup.secret()).contains("issuer=AI");
        assertThat(setup.qrImage()).startsWith("data:image/png;base64,");
        assertThat(codes.enabledFor(id)).as("not before a first code confirms it").isFalse();
        assertThatThrownBy(() -> secondFactor.confirm("000000")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("second-factor.code-wrong"));

        List<String> recovery = secondFactor.confirm(codeNow(setup.secret(), 0));
        assertThat(recovery).hasSize(10).allMatch(c -> c.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}")).doesNotHaveDuplicates();
        assertThat(codes.enabledFor(id)).isTrue();
        assertThat(accounts.current().orElseThrow().secondFactor()).isTrue();
        assertThatThrownBy(secondFactor::begin).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("second-factor.already-on"));

        String code = codeNow(setup.secret(), 0);
        assertThat(codes.verify(id, code)).isTrue();
        assertThat(codes.verify(id, code)).as("a code counts once").isFalse();
        assertThat(codes.verify(id, codeNow(setup.secret(), -1))).as("nor an older one").isFalse();
        assertThat(codes.verify(id, "123456789")).isFalse();
        assertThat(codes.verify(id, recovery.get(3).toUpperCase(Locale.ROOT))).isTrue();
        assertThat(codes.verify(id, recovery.get(3))).as("a recovery code counts once").isFalse();
        assertThat(secondFactor.recoveryCodesLeft()).isEqualTo(9);

        assertThatThrownBy(() -> secondFactor.disable("not-my-password")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.field()).isEqualTo("currentPassword"));
        secondFactor.disable("Tram-Gravel-Orbit-7");
        assertThat(codes.enabledFor(id)).isFalse();
        assertThat(codes.verify(id, recovery.get(4))).isFalse();
    }

    @Test
    void withoutTheRoleRequirementNobodyIsAskedToSetOneUp() {
        KaribuSupport.signIn(context, "admin@academy.test");
        assertThat(secondFactor.requiredAndMissing()).as("only the prod profile requires it").isFalse();
    }
}
