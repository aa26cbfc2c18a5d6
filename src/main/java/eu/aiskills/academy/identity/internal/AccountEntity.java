package eu.aiskills.academy.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "account")
public class AccountEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    /** Null for accounts that only sign in through OpenID Connect. */
    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Column(name = "preferred_locale", length = 16)
    private String preferredLocale;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the person proved the address is theirs (a link sent to it); null until then. */
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /** The second factor's shared secret (RFC 6238), once set up; null without one. */
    @Column(name = "totp_secret", length = 64)
    private String totpSecret;

    @Column(name = "totp_enabled_at")
    private Instant totpEnabledAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected AccountEntity() {
    }

    public AccountEntity(AccountId id, String email, String displayName, String passwordHash,
                         Set<Role> roles, Locale preferredLocale, Instant createdAt) {
        this.id = id.value();
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
        this.preferredLocale = preferredLocale == null ? null : preferredLocale.toLanguageTag();
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    public void preferLocale(Locale locale) {
        this.preferredLocale = locale == null ? null : locale.toLanguageTag();
    }

    public void replaceRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public void verifyEmail(Instant at) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = at;
        }
    }

    /** The second factor's secret while it is in force; empty without one. */
    public java.util.Optional<String> totpSecret() {
        return totpEnabledAt == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(totpSecret);
    }

    /** A secret being set up, not yet confirmed with a code. */
    public java.util.Optional<String> pendingTotpSecret() {
        return totpEnabledAt == null ? java.util.Optional.ofNullable(totpSecret) : java.util.Optional.empty();
    }

    public void beginTotp(String secret) {
        this.totpSecret = secret;
        this.totpEnabledAt = null;
    }

    public void enableTotp(Instant at) {
        this.totpEnabledAt = at;
    }

    public void disableTotp() {
        this.totpSecret = null;
        this.totpEnabledAt = null;
    }

    public AccountSummary toSummary() {
        return new AccountSummary(id(), email, displayName, roles(),
                preferredLocale == null ? null : Locale.forLanguageTag(preferredLocale), enabled, createdAt, emailVerifiedAt != null,
                totpEnabledAt != null);
    }
}
