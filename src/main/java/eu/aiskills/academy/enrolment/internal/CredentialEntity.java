package eu.aiskills.academy.enrolment.internal;

import static eu.aiskills.academy.shared.Columns.LONG_TEXT;

import java.time.Instant;
import java.util.UUID;

import eu.aiskills.academy.enrolment.CredentialId;
import eu.aiskills.academy.enrolment.CredentialKind;
import eu.aiskills.academy.enrolment.CredentialSummary;
import eu.aiskills.academy.identity.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An issued credential: the signed token exactly as issued, and its revocation if any. */
@Entity
@Table(name = "credential")
public class CredentialEntity {

    /** What the credential is about, before it is signed. */
    public record Subject(String key, CredentialKind kind, AccountId learner, String recipientName,
                          String achievementName, UUID courseId, UUID programmeId, UUID enrolmentId) {
    }

    @Id
    private UUID id;

    @Column(name = "subject_key", nullable = false, length = 120)
    private String subjectKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CredentialKind kind;

    @Column(name = "learner_id", nullable = false)
    private UUID learnerId;

    @Column(name = "recipient_name", nullable = false, length = 200)
    private String recipientName;

    @Column(name = "achievement_name", nullable = false, length = 200)
    private String achievementName;

    @Column(name = "course_id")
    private UUID courseId;

    @Column(name = "programme_id")
    private UUID programmeId;

    @Column(name = "enrolment_id")
    private UUID enrolmentId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "key_id", nullable = false, length = 100)
    private String keyId;

    @Column(nullable = false, length = LONG_TEXT)
    private String jwt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private UUID revokedBy;

    @Column(name = "revocation_reason", length = 500)
    private String revocationReason;

    /** Its position in the revocation status list (null for credentials issued before the list existed). */
    @Column(name = "status_index")
    private Integer statusIndex;

    protected CredentialEntity() {
    }

    public CredentialEntity(CredentialId id, Subject subject, Instant issuedAt, String keyId, String jwt, Integer statusIndex) {
        this.id = id.value();
        this.statusIndex = statusIndex;
        this.subjectKey = subject.key();
        this.kind = subject.kind();
        this.learnerId = subject.learner().value();
        this.recipientName = subject.recipientName();
        this.achievementName = subject.achievementName();
        this.courseId = subject.courseId();
        this.programmeId = subject.programmeId();
        this.enrolmentId = subject.enrolmentId();
        this.issuedAt = issuedAt;
        this.keyId = keyId;
        this.jwt = jwt;
    }

    public void revoke(AccountId by, String reason, Instant now) {
        this.revokedAt = now;
        this.revokedBy = by.value();
        this.revocationReason = reason;
    }

    public CredentialId id() {
        return new CredentialId(id);
    }

    public AccountId learnerId() {
        return new AccountId(learnerId);
    }

    public String jwt() {
        return jwt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public CredentialSummary toSummary() {
        return new CredentialSummary(id(), kind, recipientName, achievementName, issuedAt, revokedAt, revocationReason);
    }

    public Integer statusIndex() {
        return statusIndex;
    }
}
