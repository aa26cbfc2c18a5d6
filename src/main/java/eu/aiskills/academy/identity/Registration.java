package eu.aiskills.academy.identity;

import java.time.Clock;

import eu.aiskills.academy.identity.internal.AccountEntity;
import eu.aiskills.academy.identity.internal.Accounts;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering a new account with email and password. */
@Service
public class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AccountRecovery recovery;

    Registration(Accounts accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock,
                 AccountRecovery recovery) {
        this.recovery = recovery;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Self-registration: anybody may call it, but only for the roles a person may choose
     * themselves. A taken email is refused on the email field, also when two people race for it.
     */
    @PermitAll
    @Transactional
    public AccountId register(NewAccount request) {
        if (!Role.selfAssignableRoles().containsAll(request.roles())) {
            throw UserFacingException.onField("roles", "registration.role-not-self-assignable");
        }
        AccountId id = create(request, false);
        // The person is signed in at once and may learn; applying waits for the link in this mail.
        recovery.sendVerification(accounts.findById(id.value()).orElseThrow());
        return id;
    }

    /** An administrator (or the platform, for demo data) creates an account with any roles. */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public AccountId createAccount(NewAccount request) {
        // An administrator (or the demo) vouches for the address.
        return create(request, true);
    }

    private AccountId create(NewAccount request, boolean verified) {
        String email = request.email().value();
        if (accounts.existsByEmail(email)) {
            throw UserFacingException.onField("email", "registration.email-taken");
        }
        AccountId id = AccountId.random();
        AccountEntity account = new AccountEntity(id, email, request.displayName().value(),
                passwordEncoder.encode(request.password()), request.roles(), request.locale(), clock.instant());
        if (verified) {
            account.verifyEmail(clock.instant());
        }
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            throw UserFacingException.onField("email", "registration.email-taken");
        }
        log.info("Account {} registered with roles {}", id, request.roles());
        events.publishEvent(new AccountRegistered(id, request.roles()));
        return id;
    }
}
