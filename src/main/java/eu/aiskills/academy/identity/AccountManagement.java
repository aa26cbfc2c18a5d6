package eu.aiskills.academy.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.aiskills.academy.identity.internal.AccountEntity;
import eu.aiskills.academy.identity.internal.Accounts;
import eu.aiskills.academy.identity.internal.SignedInSessions;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing accounts: self-service for the signed-in person, the rest for administrators. */
@Service
public class AccountManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SignedInSessions sessions;

    AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, SignedInSessions sessions) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
    }

    /**
     * Refuses, with what to do, a signed-in person whose address is not verified yet: applying to
     * postings and fellowships and being shown to employers wait for it; browsing, enrolling and
     * learning do not.
     */
    @SignedIn
    @Transactional(readOnly = true)
    public void requireVerifiedEmail() {
        if (!load(CurrentUser.requireId()).emailVerified()) {
            throw new UserFacingException("account.verify-first");
        }
    }

    /** The signed-in person's account, or empty for a visitor. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<AccountSummary> current() {
        return CurrentUser.id().flatMap(id -> accounts.findById(id.value())).map(AccountEntity::toSummary);
    }

    /** One account: the person themselves, an administrator or the platform. */
    @PermitAll
    @Transactional(readOnly = true)
    public AccountSummary get(AccountId id) {
        CurrentUser.requireSelfOr(id, Roles.ADMIN, Roles.SYSTEM);
        return load(id).toSummary();
    }

    /** Display names are public (instructors on course pages, authors of postings). */
    @PermitAll
    @Transactional(readOnly = true)
    public Map<AccountId, String> displayNames(Collection<AccountId> ids) {
        return accounts.findAllById(ids.stream().map(AccountId::value).toList()).stream()
                .collect(Collectors.toMap(AccountEntity::id, AccountEntity::displayName));
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public Optional<AccountSummary> findByEmail(String email) {
        return accounts.findByEmail(EmailAddress.normalise(email)).map(AccountEntity::toSummary);
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public Page<AccountSummary> search(String text, Pageable pageable) {
        return accounts.search(text == null ? "" : text.strip(), pageable).map(AccountEntity::toSummary);
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public Map<Role, Long> countByRole() {
        return EnumSet.allOf(Role.class).stream()
                .collect(Collectors.toMap(Function.identity(), accounts::countWithRole));
    }

    /**
     * Replaces an account's roles. An administrator cannot take the administrator role from
     * themselves, so that the platform is never left without one by accident.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void changeRoles(AccountId id, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw UserFacingException.onField("roles", "validation.roles.required");
        }
        AccountEntity account = load(id);
        if (CurrentUser.is(id) && !roles.contains(Role.ADMIN)) {
            throw UserFacingException.onField("roles", "accounts.cannot-remove-own-admin");
        }
        Set<Role> before = account.roles();
        account.replaceRoles(roles);
        log.info("Roles of account {} changed from {} to {} by {}", id, before, roles, CurrentUser.requireId());
        events.publishEvent(new RolesChanged(id, before, roles, CurrentUser.requireId()));
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void setEnabled(AccountId id, boolean enabled) {
        if (CurrentUser.is(id) && !enabled) {
            throw new UserFacingException("accounts.cannot-disable-self");
        }
        load(id).setEnabled(enabled);
        log.info("Account {} {} by {}", id, enabled ? "enabled" : "disabled", CurrentUser.requireId());
    }

    /** The signed-in person changes their password; the current one must be given. */
    @SignedIn
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        AccountEntity account = load(CurrentUser.requireId());
        if (account.passwordHash() == null) {
            throw UserFacingException.onField("currentPassword", "account.password.external-only");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw UserFacingException.onField("currentPassword", "account.password.current-wrong");
        }
        PasswordPolicy.check(newPassword, account.email(), account.displayName());
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw UserFacingException.onField("password", "account.password.unchanged");
        }
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        // Whoever else knew the old password is signed out; this session stays.
        int ended = sessions.endAll(account.id(), AccountSessions.currentSessionId().orElse(null));
        log.info("Account {} changed its password; {} other sessions signed out", account.id(), ended);
    }

    /** The signed-in person changes how they are shown and which language they prefer. */
    @SignedIn
    @Transactional
    public AccountSummary updateProfile(DisplayName displayName, Locale preferredLocale) {
        AccountEntity account = load(CurrentUser.requireId());
        account.rename(displayName.value());
        account.preferLocale(preferredLocale);
        return account.toSummary();
    }

    private AccountEntity load(AccountId id) {
        return accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("accounts.not-found", id));
    }
}
