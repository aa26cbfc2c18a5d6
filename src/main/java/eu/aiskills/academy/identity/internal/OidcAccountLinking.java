package eu.aiskills.academy.identity.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import eu.aiskills.academy.identity.AcademyPrincipal;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountRegistered;
import eu.aiskills.academy.identity.DisplayName;
import eu.aiskills.academy.identity.EmailAddress;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps a person signed in through an OpenID Connect provider to a local account: by the
 * provider's (issuer, subject) pair when they came before, else by a verified email address,
 * else a new student account. Roles always come from the local account, never from the provider.
 */
@Component
class OidcAccountLinking implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcAccountLinking.class);

    private final Accounts accounts;
    private final ExternalIdentities externalIdentities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OidcUserService provider = new OidcUserService();

    OidcAccountLinking(Accounts accounts, ExternalIdentities externalIdentities, ApplicationEventPublisher events,
                       Clock clock) {
        this.accounts = accounts;
        this.externalIdentities = externalIdentities;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest userRequest) {
        OidcUser oidcUser = provider.loadUser(userRequest);
        AccountEntity account = link(oidcUser.getIssuer().toString(), oidcUser.getSubject(), oidcUser.getEmail(),
                Boolean.TRUE.equals(oidcUser.getEmailVerified()), oidcUser.getFullName());
        if (!account.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_disabled"), "Account disabled");
        }
        return new LinkedOidcUser(oidcUser, account);
    }

    /** The local account for an external identity, linked or created as described above. */
    @Transactional
    AccountEntity link(String issuer, String subject, String email, boolean emailVerified, String fullName) {
        ExternalIdentityEntity.Key key = new ExternalIdentityEntity.Key(issuer, subject);
        var known = externalIdentities.findById(key).flatMap(link -> accounts.findById(link.accountId()));
        if (known.isPresent()) {
            return known.get();
        }
        if (!emailVerified || email == null || !EmailAddress.isValid(email)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("email_not_verified"),
                    "The identity provider did not confirm an email address");
        }
        String normalised = EmailAddress.normalise(email);
        AccountEntity account = accounts.findByEmail(normalised).orElseGet(() -> create(normalised, fullName));
        externalIdentities.save(new ExternalIdentityEntity(issuer, subject, account.id().value(), clock.instant()));
        log.info("External identity of issuer {} linked to account {}", issuer, account.id());
        return account;
    }

    private AccountEntity create(String email, String fullName) {
        String name;
        try {
            name = new DisplayName(fullName == null ? email.split("@")[0] : fullName).value();
        } catch (UserFacingException e) {
            name = email.split("@")[0];
        }
        Set<Role> roles = EnumSet.of(Role.STUDENT);
        AccountEntity account = accounts.saveAndFlush(
                new AccountEntity(AccountId.random(), email, name, null, roles, null, clock.instant()));
        events.publishEvent(new AccountRegistered(account.id(), roles));
        return account;
    }

    /** The provider's user with the local account's id and roles. */
    static final class LinkedOidcUser extends DefaultOidcUser implements AcademyPrincipal {

        private final AccountId accountId;
        private final String email;
        private final String displayName;

        LinkedOidcUser(OidcUser user, AccountEntity account) {
            super(AccountUserDetailsService.authorities(account), user.getIdToken(), user.getUserInfo());
            this.accountId = account.id();
            this.email = account.email();
            this.displayName = account.displayName();
        }

        @Override
        public AccountId accountId() {
            return accountId;
        }

        @Override
        public String email() {
            return email;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        @Override
        public String getName() {
            return email;
        }
    }
}
