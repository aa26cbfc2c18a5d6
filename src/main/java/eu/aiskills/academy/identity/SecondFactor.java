package eu.aiskills.academy.identity;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import eu.aiskills.academy.identity.internal.AccountEntity;
import eu.aiskills.academy.identity.internal.Accounts;
import eu.aiskills.academy.identity.internal.SecondFactorCodes;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional second factor (RFC 6238 time-based codes, as authenticator apps make them): set
 * up with a QR code and confirmed with a first code; ten recovery codes shown once and kept only
 * as their SHA-256; asked for at sign-in after the password. A code is accepted once (its
 * 30-second step is recorded with a conditional update), a recovery code once (SecondFactorCodes). Roles listed in
 * {@code academy.security.second-factor-required-for} (administrators and AI Factory operators in
 * {@code prod}) must have one (ADR 0017).
 */
@Service
public class SecondFactor {

    private static final Logger log = LoggerFactory.getLogger(SecondFactor.class);
    private static final String ISSUER = "AI Skills Academy";
    private static final int PERIOD = SecondFactorCodes.PERIOD;
    private static final int DIGITS = SecondFactorCodes.DIGITS;
    static final int RECOVERY_CODES = 10;

    /** What the set-up shows: the secret as text and as a QR code of its {@code otpauth://} address. */
    public record Setup(String secret, String uri, String qrImage) {
    }

    private final Accounts accounts;
    private final SecondFactorCodes codes;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final Set<Role> requiredFor;

    SecondFactor(Accounts accounts, SecondFactorCodes codes, PasswordEncoder passwordEncoder, Clock clock,
                 @Value("${academy.security.second-factor-required-for:}") Set<Role> requiredFor) {
        this.accounts = accounts;
        this.codes = codes;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.requiredFor = requiredFor == null ? Set.of() : Set.copyOf(requiredFor);
    }

    /** Whether the signed-in person must set one up before going on (their roles require it and they have none). */
    @SignedIn
    @Transactional(readOnly = true)
    public boolean requiredAndMissing() {
        AccountEntity account = me();
        return account.totpSecret().isEmpty() && account.roles().stream().anyMatch(requiredFor::contains);
    }

    /** Starts the set-up: a new secret (replacing one not yet confirmed), to scan or type into an authenticator app. */
    @SignedIn
    @Transactional
    public Setup begin() {
        AccountEntity account = me();
        if (account.totpSecret().isPresent()) {
            throw new UserFacingException("second-factor.already-on");
        }
        String secret = new DefaultSecretGenerator().generate();
        account.beginTotp(secret);
        QrData data = new QrData.Builder().label(account.email()).secret(secret).issuer(ISSUER).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            return new Setup(secret, data.getUri(), Utils.getDataUriForImage(png.generate(data), png.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The QR code of a second-factor set-up could not be drawn", e);
        }
    }

    /** Confirms the set-up with a code from the app; answers the recovery codes, shown this once. */
    @SignedIn
    @Transactional
    public List<String> confirm(String code) {
        AccountEntity account = me();
        String secret = account.pendingTotpSecret().orElseThrow(() -> new UserFacingException("second-factor.no-setup"));
        if (codes.matchingStep(secret, code) < 0) {
            throw UserFacingException.onField("code", "second-factor.code-wrong");
        }
        account.enableTotp(clock.instant());
        List<String> recovery = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        codes.storeRecoveryCodes(account.id(), recovery);
        log.info("Account {} turned its second factor on", account.id());
        return recovery;
    }

    /** Turns it off, with the current password (not allowed where the role requires it). */
    @SignedIn
    @Transactional
    public void disable(String currentPassword) {
        AccountEntity account = me();
        if (account.passwordHash() == null || currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw UserFacingException.onField("currentPassword", "account.password.current-wrong");
        }
        if (account.roles().stream().anyMatch(requiredFor::contains)) {
            throw new UserFacingException("second-factor.required");
        }
        account.disableTotp();
        codes.dropRecoveryCodes(account.id());
        log.info("Account {} turned its second factor off", account.id());
    }

    /** How many recovery codes the signed-in person has left. */
    @SignedIn
    @Transactional(readOnly = true)
    public int recoveryCodesLeft() {
        return codes.recoveryCodesLeft(CurrentUser.requireId());
    }

    private AccountEntity me() {
        UUID id = CurrentUser.requireId().value();
        return accounts.findById(id).orElseThrow();
    }
}
