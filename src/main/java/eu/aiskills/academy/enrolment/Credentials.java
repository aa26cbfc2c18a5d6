package eu.aiskills.academy.enrolment;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.Programme;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.enrolment.internal.CourseEvidence;
import eu.aiskills.academy.enrolment.internal.CredentialEntity;
import eu.aiskills.academy.enrolment.internal.CredentialKeys;
import eu.aiskills.academy.enrolment.internal.CredentialRecords;
import eu.aiskills.academy.enrolment.internal.CredentialSigner;
import eu.aiskills.academy.enrolment.internal.CredentialStatusList;
import eu.aiskills.academy.enrolment.internal.EnrolmentRecords;
import eu.aiskills.academy.enrolment.internal.LearnerCourses;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open Badges 3.0 credentials ({@code OpenBadgeCredential}, a W3C Verifiable Credential) signed
 * as VC-JWT with the platform's key: issued when a course or programme is completed, verified
 * by anyone, revoked by an administrator with a reason.
 * <p>Long because the Open Badges 3.0 credential's issuing, verification and revocation must agree
 * on one format; each is its own method.
 */
@Service
public class Credentials {

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);
    public static final int REASON_MAX_LENGTH = 500;
    /** Longest token accepted for verification; real ones are a few kilobytes. */
    public static final int TOKEN_MAX_LENGTH = 100_000;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final CredentialRecords credentials;
    private final EnrolmentRecords enrolments;
    private final CredentialKeys keys;
    private final CourseEvidence evidence;
    private final CredentialStatusList statusList;
    private final CredentialSigner signer;
    private final LearnerCourses learnerCourses;
    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final EnrolmentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Credentials(CredentialRecords credentials, EnrolmentRecords enrolments, CredentialKeys keys, CourseEvidence evidence,
                CredentialStatusList statusList, CredentialSigner signer, LearnerCourses learnerCourses, Catalogue catalogue,
                AccountManagement accounts, EnrolmentProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.credentials = credentials;
        this.enrolments = enrolments;
        this.keys = keys;
        this.evidence = evidence;
        this.statusList = statusList;
        this.signer = signer;
        this.learnerCourses = learnerCourses;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in person's credentials, newest first. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<CredentialSummary> mine() {
        return credentials.findByLearnerIdOrderByIssuedAtDesc(CurrentUser.requireId().value()).stream()
                .map(CredentialEntity::toSummary).toList();
    }

    /** An ESCO skill a credential attests: the skill's URI and the achievement that attests it. */
    /**
     * The same credential (same subject key) was issued by another transaction at the same moment,
     * a redelivered completion for instance; the database's unique key kept it to one. This
     * transaction is rolled back; the credential exists.
     */
    public static final class IssuedConcurrently extends IllegalStateException {
        IssuedConcurrently(String subjectKey, DataIntegrityViolationException cause) {
            super("Credential for " + subjectKey + " was issued concurrently", cause);
        }
    }

    /**
     * A skill a valid credential attests: {@code assessedBy} names the assessed work in the
     * credential's evidence (quizzes, labs), empty when the course was completed without any
     * (lessons marked done): then the skill is attested, not verified.
     */
    public record AttestedSkill(String skillUri, String achievementName, CredentialId credential, List<String> assessedBy) {
        public AttestedSkill {
            assessedBy = List.copyOf(assessedBy);
        }

        public boolean assessed() {
            return !assessedBy.isEmpty();
        }
    }

    /**
     * The skills the learner's valid credentials attest, read from the signed credentials' own
     * alignments: the learner themselves and the platform may ask.
     */
    @SignedIn
    @Transactional(readOnly = true)
    public List<AttestedSkill> attestedSkills(AccountId learner) {
        CurrentUser.requireSelfOr(learner, Roles.SYSTEM);
        List<AttestedSkill> skills = new ArrayList<>();
        for (CredentialEntity credential : credentials.findByLearnerIdOrderByIssuedAtDesc(learner.value())) {
            if (credential.revoked()) {
                continue;
            }
            try {
                JWTClaimsSet claims = SignedJWT.parse(credential.jwt()).getJWTClaimsSet();
                Object achievement = claims.getJSONObjectClaim("credentialSubject").get("achievement");
                List<String> assessedBy = new ArrayList<>();
                if (claims.getClaim("evidence") instanceof List<?> evidence) {
                    for (Object item : evidence) {
                        if (item instanceof Map<?, ?> e && e.get("genre") instanceof String genre && CourseEvidence.ASSESSED_GENRES.contains(genre)
                                && e.get("name") instanceof String name) {
                            assessedBy.add(name);
                        }
                    }
                }
                CredentialSummary summary = credential.toSummary();
                if (achievement instanceof Map<?, ?> map && map.get("alignment") instanceof List<?> alignments) {
                    for (Object alignment : alignments) {
                        if (alignment instanceof Map<?, ?> a && a.get("targetUrl") instanceof String uri) {
                            skills.add(new AttestedSkill(uri, summary.achievementName(), summary.id(), assessedBy));
                        }
                    }
                }
            } catch (ParseException | ClassCastException e) {
                throw new IllegalStateException("Stored credential " + credential.id() + " cannot be read", e);
            }
        }
        return skills;
    }

    /** Checks the credential issued under this id: anyone holding the link may. */
    @PermitAll
    @Transactional(readOnly = true)
    public Verification verify(CredentialId id) {
        return credentials.findById(id.value())
                .map(found -> found.jwt().isEmpty() && found.revoked()
                        // Erased at the holder's request: the token is gone, the revocation stays.
                        ? new Verification(Verification.Status.REVOKED, Optional.of(found.toSummary()), Optional.empty())
                        : verifyToken(found.jwt()))
                .orElseGet(() -> new Verification(Verification.Status.NOT_FOUND, Optional.empty(), Optional.empty()));
    }

    /** Checks a credential token as someone received it (pasted or uploaded). */
    @PermitAll
    @Transactional(readOnly = true)
    public Verification verifyToken(String token) {
        Verification tampered = new Verification(Verification.Status.TAMPERED, Optional.empty(), Optional.empty());
        if (token == null || token.isBlank() || token.length() > TOKEN_MAX_LENGTH) {
            return tampered;
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            Optional<ECKey> key = Optional.ofNullable(jwt.getHeader().getKeyID()).flatMap(keys::verifying);
            if (key.isEmpty() || !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new ECDSAVerifier(key.get()))) {
                return tampered;
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return tampered;
        }
        Optional<CredentialEntity> issued = credentialId(claims.getJWTID()).flatMap(id -> credentials.findById(id.value()));
        String payload = JSON.writeValueAsString(claims.toJSONObject());
        if (issued.isEmpty()) {
            return new Verification(Verification.Status.NOT_FOUND, Optional.empty(), Optional.of(payload));
        }
        CredentialEntity credential = issued.get();
        if (!credential.jwt().equals(token.strip())) {
            return new Verification(Verification.Status.TAMPERED, Optional.of(credential.toSummary()), Optional.empty());
        }
        return new Verification(credential.revoked() ? Verification.Status.REVOKED : Verification.Status.VALID,
                Optional.of(credential.toSummary()), Optional.of(payload));
    }

    /** The signed token, for download and sharing. */
    @PermitAll
    @Transactional(readOnly = true)
    public String token(CredentialId id) {
        return credentials.findById(id.value()).map(CredentialEntity::jwt).filter(jwt -> !jwt.isEmpty())
                .orElseThrow(() -> new NotFoundException("credential.not-found"));
    }

    /** The credential's content as JSON (the token's payload), for download. */
    @PermitAll
    @Transactional(readOnly = true)
    public String json(CredentialId id) {
        try {
            return JSON.writeValueAsString(SignedJWT.parse(token(id)).getJWTClaimsSet().toJSONObject());
        } catch (ParseException e) {
            throw new IllegalStateException("Stored credential " + id + " is not a JWT", e);
        }
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public CredentialSummary revoke(CredentialId id, String reason) {
        String cleaned = reason == null ? "" : reason.strip();
        if (cleaned.isEmpty() || cleaned.length() > REASON_MAX_LENGTH) {
            throw UserFacingException.onField("reason", "credential.revoke.reason", REASON_MAX_LENGTH);
        }
        CredentialEntity credential = credentials.findById(id.value())
                .orElseThrow(() -> new NotFoundException("credential.not-found"));
        if (credential.revoked()) {
            throw new UserFacingException("credential.revoke.already");
        }
        credential.revoke(CurrentUser.requireId(), cleaned, clock.instant());
        credentials.save(credential);
        events.publishEvent(new CredentialRevoked(id, credential.learnerId()));
        log.info("Credential {} revoked by {}: {}", id, CurrentUser.requireId(), cleaned);
        return credential.toSummary();
    }

    /** Starts signing with a new key; credentials signed with earlier keys still verify. */
    @RolesAllowed(Roles.ADMIN)
    public String rotateKey() {
        return keys.rotate();
    }

    /**
     * Issues the course credential of a completed enrolment, once: a second call (a retried
     * event) returns the credential already issued.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public CredentialSummary issueForCourse(CourseCompleted completed) {
        String subjectKey = "enrolment:" + completed.enrolment().value();
        Optional<CredentialEntity> existing = credentials.findBySubjectKey(subjectKey);
        if (existing.isPresent()) {
            return existing.get().toSummary();
        }
        CourseDetail course = catalogue.publishedCourseDetail(completed.course())
                .orElseThrow(() -> new IllegalStateException("Course " + completed.course() + " is not published"));
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", properties.base() + "/courses/" + course.summary().slug() + "#achievement");
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Course");
        achievement.put("name", course.summary().title());
        achievement.put("description", course.summary().summary());
        achievement.put("criteria", Map.of("narrative", narrative(course)));
        if (course.summary().ects() != null) {
            achievement.put("creditsAvailable", course.summary().ects().doubleValue());
        }
        achievement.put("inLanguage", course.summary().language());
        // The course's published revision the learner completed it under (Open Badges 3.0 Achievement.version).
        achievement.put("version", "revision " + course.revision());
        achievement.put("alignment", alignments(course.skills()));
        Set<UUID> done = enrolments.findById(completed.enrolment().value())
                .map(e -> learnerCourses.lessonsDone(List.of(e)).getOrDefault(e.id().value(), Set.of())).orElse(Set.of());
        return issue(new CredentialEntity.Subject(subjectKey, CredentialKind.COURSE, completed.learner(),
                name(completed.learner()), course.summary().title(), completed.course().value(), null,
                completed.enrolment().value()), achievement, course.summary().ects(), evidence.of(completed.learner(), course, done));
    }

    /**
     * Issues programme credentials the learner has newly earned: every required course completed
     * and the completed courses' credits reaching the programme's total.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public List<CredentialSummary> issueForProgrammes(AccountId learner) {
        Set<UUID> completed = new HashSet<>(enrolments.completedCourses(learner.value()));
        List<CredentialSummary> issued = new ArrayList<>();
        for (Programme programme : catalogue.publishedProgrammes()) {
            String subjectKey = "programme:" + programme.id().value() + ":" + learner.value();
            if (!ProgrammeRules.complete(programme, completed) || credentials.existsBySubjectKey(subjectKey)) {
                continue;
            }
            Map<String, Object> achievement = new LinkedHashMap<>();
            achievement.put("id", properties.base() + "/programmes/" + programme.slug() + "#achievement");
            achievement.put("type", List.of("Achievement"));
            achievement.put("achievementType", "Degree");
            achievement.put("name", programme.title());
            achievement.put("description", programme.summary());
            achievement.put("criteria", Map.of("narrative", "Completed every required course of " + programme.title()
                    + " and at least " + programme.creditsTotal().toPlainString() + " ECTS credits of its courses: "
                    + String.join(", ", programme.courses().stream()
                    .filter(part -> completed.contains(part.courseId().value())).map(Programme.Part::title).toList()) + "."));
            achievement.put("creditsAvailable", programme.creditsTotal().doubleValue());
            List<Skill> skills = new ArrayList<>();
            for (Programme.Part part : programme.courses()) {
                if (completed.contains(part.courseId().value())) {
                    catalogue.publishedCourseDetail(part.courseId()).ifPresent(course -> course.skills().stream()
                            .filter(skill -> !skills.contains(skill)).forEach(skills::add));
                }
            }
            achievement.put("alignment", alignments(skills));
            issued.add(issue(new CredentialEntity.Subject(subjectKey, CredentialKind.PROGRAMME, learner, name(learner),
                    programme.title(), null, programme.id().value(), null), achievement,
                    ProgrammeRules.credits(programme, completed), List.of()));
        }
        return issued;
    }

    /** Signs and stores a credential (for this package's issuers: courses, programmes, cohorts). */
    CredentialSummary issue(CredentialEntity.Subject subject, Map<String, Object> achievement, BigDecimal credits,
                                    List<Map<String, Object>> evidence) {
        CredentialId id = CredentialId.random();
        Instant now = clock.instant();
        String url = properties.base() + "/credentials/" + id.value();
        Map<String, Object> credentialSubject = new LinkedHashMap<>();
        credentialSubject.put("id", "urn:uuid:" + subject.learner().value());
        credentialSubject.put("type", List.of("AchievementSubject"));
        credentialSubject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "name",
                "hashed", false, "identityHash", subject.recipientName())));
        if (credits != null) {
            credentialSubject.put("creditsEarned", credits.doubleValue());
        }
        credentialSubject.put("achievement", achievement);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        credential.put("id", url);
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", Map.of("id", properties.base(), "type", List.of("Profile"), "name", properties.issuerName(),
                "url", properties.base()));
        credential.put("validFrom", now.toString());
        credential.put("name", subject.achievementName());
        credential.put("credentialSubject", credentialSubject);
        if (!evidence.isEmpty()) {
            credential.put("evidence", evidence);
        }
        int statusIndex = statusList.allocate();
        credential.put("credentialStatus", signer.statusEntry(statusIndex));
        CredentialSigner.Signed signed = signer.sign(credential, url, "urn:uuid:" + subject.learner().value(), now);
        String token = signed.token();
        CredentialEntity entity = new CredentialEntity(id, subject, now, signed.keyId(), token, statusIndex);
        try {
            credentials.saveAndFlush(entity);
        } catch (DataIntegrityViolationException issuedConcurrently) {
            // The unique subject key held: the credential exists already; the caller's transaction ends here.
            throw new IssuedConcurrently(subject.key(), issuedConcurrently);
        }
        events.publishEvent(new CredentialIssued(id, subject.learner(), subject.achievementName()));
        log.info("Credential {} issued to {} for {}", id, subject.learner(), subject.key());
        return entity.toSummary();
    }

    String nameOf(AccountId learner) {
        return name(learner);
    }

    private String name(AccountId learner) {
        return accounts.displayNames(List.of(learner)).getOrDefault(learner, "");
    }

    private static String narrative(CourseDetail course) {
        StringBuilder text = new StringBuilder("Completed every required lesson of ").append(course.summary().title())
                .append(". Learning outcomes:");
        course.outcomes().forEach(outcome -> text.append("\n- ").append(outcome));
        return text.toString();
    }

    private static List<Map<String, Object>> alignments(List<Skill> skills) {
        return skills.stream().<Map<String, Object>>map(skill -> {
            Map<String, Object> alignment = new LinkedHashMap<>();
            alignment.put("type", List.of("Alignment"));
            alignment.put("targetName", skill.label());
            alignment.put("targetUrl", skill.uri());
            alignment.put("targetFramework", "ESCO");
            alignment.put("targetType", "ceasn:Competency");
            return alignment;
        }).toList();
    }

    private Optional<CredentialId> credentialId(String jti) {
        String prefix = properties.base() + "/credentials/";
        if (jti == null || !jti.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CredentialId(UUID.fromString(jti.substring(prefix.length()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
