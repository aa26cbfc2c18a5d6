package eu.aiskills.academy.fellowships;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseId;
import eu.aiskills.academy.enrolment.CohortCompletion;
import eu.aiskills.academy.enrolment.LessonProgress;
import eu.aiskills.academy.fellowships.internal.CohortStore;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.labs.LabRecords;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.AccountSummary;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.OrganisationId;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts of the apprenticeship, returnship and scholarship schemes: participants follow a
 * programme of Academy courses and, for apprenticeships, work at an employer with a mentor. The
 * hours ledger records training and on-the-job hours; an entry counts once the participant's
 * mentor co-signs it (never their own); completion needs the courses and both kinds of hours.
 * Returnships are paced part-time; scholarships carry an award, its conditions and disbursement
 * milestones released by administrators. A participant who completes their cohort gets its
 * credential, whose evidence lists the co-signed hours ({@link #completion}; issued by enrolment's
 * {@code CohortCredentials}).
 * <p>Long because the three schemes share one ledger of co-signed hours and one rule of who may
 * read a participant's record; the records they show are declared here too.
 */
@Service
public class Cohorts {

    public static final int NAME_MAX = 200;
    public static final int MILESTONE_LABEL_MAX = 200;
    public static final int NOTE_MAX = 500;

    public enum Kind {
        APPRENTICESHIP, RETURNSHIP, SCHOLARSHIP;

        public String messageKey() {
            return "cohort.kind." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum HoursKind {
        TRAINING, ON_THE_JOB;

        public String messageKey() {
            return "cohort.hours." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param hoursPerWeek the pace: 40 full-time, fewer for a part-time returnship
     */
    public record Cohort(UUID id, Kind kind, String name, List<String> courses, BigDecimal trainingHours, BigDecimal workHours,
                         BigDecimal hoursPerWeek, LocalDate startsOn, LocalDate endsOn) {

        public boolean partTime() {
            return hoursPerWeek.compareTo(new BigDecimal("35")) < 0;
        }
    }

    public record Member(UUID id, UUID cohortId, AccountId account, String name, OrganisationId organisation, AccountId mentor,
                         String mentorName, BigDecimal award, String currency, String conditions) {
    }

    /** {@code evidence}: the lab work the entry cites, in words as it was when logged (null: none). */
    public record HoursEntry(UUID id, UUID member, HoursKind kind, LocalDate workedOn, BigDecimal hours, String note, Instant loggedAt,
                             String cosignedBy, Instant cosignedAt, String evidence) {

        public boolean cosigned() {
            return cosignedAt != null;
        }
    }

    public record Milestone(UUID id, int position, String label, BigDecimal amount, LocalDate dueOn, Instant releasedAt) {
    }

    /** Where a participant stands: co-signed hours against what the cohort requires, courses completed. */
    public record Progress(BigDecimal trainingCosigned, BigDecimal trainingRequired, BigDecimal workCosigned, BigDecimal workRequired,
                           BigDecimal pending, List<String> coursesDone, List<String> coursesLeft) {

        public boolean complete() {
            return trainingCosigned.compareTo(trainingRequired) >= 0 && workCosigned.compareTo(workRequired) >= 0 && coursesLeft.isEmpty();
        }
    }

    private final CohortStore store;
    private final Catalogue catalogue;
    private final LessonProgress progress;
    private final AccountManagement accounts;
    private final Clock clock;
    private final LabRecords labRecords;
    private final ApplicationEventPublisher events;

    Cohorts(CohortStore store, Catalogue catalogue, LessonProgress progress, AccountManagement accounts, Clock clock, LabRecords labRecords,
            ApplicationEventPublisher events) {
        this.labRecords = labRecords;
        this.events = events;
        this.store = store;
        this.catalogue = catalogue;
        this.progress = progress;
        this.accounts = accounts;
        this.clock = clock;
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public Cohort create(Kind kind, String name, List<String> courses, BigDecimal trainingHours, BigDecimal workHours, BigDecimal hoursPerWeek,
                         LocalDate startsOn, LocalDate endsOn) {
        if (kind == null || name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
            throw UserFacingException.onField("name", "cohort.invalid.name");
        }
        if (courses == null || courses.isEmpty() || courses.stream().anyMatch(c -> catalogue.publishedCourse(c).isEmpty())) {
            throw UserFacingException.onField("courses", "cohort.invalid.courses");
        }
        if (trainingHours == null || workHours == null || trainingHours.signum() < 0 || workHours.signum() < 0
                || (kind == Kind.APPRENTICESHIP && workHours.signum() == 0)) {
            throw UserFacingException.onField("hours", "cohort.invalid.hours");
        }
        if (hoursPerWeek == null || hoursPerWeek.signum() <= 0 || hoursPerWeek.compareTo(new BigDecimal("60")) > 0) {
            throw UserFacingException.onField("hoursPerWeek", "cohort.invalid.pace");
        }
        if (startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)) {
            throw UserFacingException.onField("endsOn", "cohort.invalid.dates");
        }
        UUID id = UUID.randomUUID();
        store.insertCohort(id, kind, name.strip(), courses, trainingHours, workHours, hoursPerWeek, startsOn, endsOn,
                CurrentUser.id().map(AccountId::value).orElse(new UUID(0, 0)), clock.instant());
        return cohort(id);
    }

    /**
     * Adds a participant by e-mail address, with their employer and mentor (apprenticeships) or
     * their award and its conditions (scholarships).
     */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public Member addMember(UUID cohortId, String email, OrganisationId employer, String mentorEmail, BigDecimal award, String currency,
                            String conditions) {
        Cohort cohort = cohort(cohortId);
        AccountSummary participant = SystemActor.call(() -> accounts.findByEmail(email))
                .orElseThrow(() -> UserFacingException.onField("email", "cohort.invalid.person", email));
        AccountSummary mentor = mentorEmail == null || mentorEmail.isBlank() ? null : SystemActor.call(() -> accounts.findByEmail(mentorEmail))
                .orElseThrow(() -> UserFacingException.onField("mentor", "cohort.invalid.person", mentorEmail));
        if (cohort.kind() == Kind.APPRENTICESHIP && (mentor == null || employer == null)) {
            throw UserFacingException.onField("mentor", "cohort.invalid.mentor-needed");
        }
        if (mentor != null && mentor.id().equals(participant.id())) {
            throw UserFacingException.onField("mentor", "cohort.invalid.own-mentor");
        }
        if (cohort.kind() == Kind.SCHOLARSHIP && (award == null || award.signum() <= 0 || currency == null || currency.length() != 3)) {
            throw UserFacingException.onField("award", "cohort.invalid.award");
        }
        UUID id = UUID.randomUUID();
        try {
            store.insertMember(id, cohortId, participant.id(), employer, mentor == null ? null : mentor.id(), award, currency, conditions,
                    clock.instant());
        } catch (DuplicateKeyException e) {
            throw UserFacingException.onField("email", "cohort.invalid.already-member", email);
        }
        return member(id);
    }

    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public Milestone addMilestone(UUID memberId, String label, BigDecimal amount, LocalDate dueOn) {
        Member member = member(memberId);
        if (cohort(member.cohortId()).kind() != Kind.SCHOLARSHIP) {
            throw new UserFacingException("cohort.invalid.not-scholarship");
        }
        if (label == null || label.isBlank() || label.length() > MILESTONE_LABEL_MAX || amount == null || amount.signum() <= 0 || dueOn == null) {
            throw UserFacingException.onField("label", "cohort.invalid.milestone");
        }
        UUID id = UUID.randomUUID();
        store.insertMilestone(id, memberId, label.strip(), amount, dueOn);
        return store.milestones(memberId).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** Releases a disbursement once; a second release is refused. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void releaseMilestone(UUID milestoneId) {
        if (!store.release(milestoneId, CurrentUser.requireId(), clock.instant())) {
            throw new UserFacingException("cohort.milestone-released");
        }
    }

    /** The signed-in participant logs hours worked or trained; they count once the mentor co-signs. */
    @SignedIn
    @Transactional
    public HoursEntry logHours(UUID memberId, HoursKind kind, LocalDate workedOn, BigDecimal hours, String note) {
        return logHours(memberId, kind, workedOn, hours, note, null);
    }

    /**
     * Logs hours citing a piece of the participant's own lab work ({@code evidenceRef}, from
     * {@link LabRecords#mine}): the session's metered time or the graded submission's revision and
     * score are kept with the entry, for the mentor who co-signs it. Refused when the work is not
     * theirs, or not within the last weeks.
     */
    @SignedIn
    @Transactional
    public HoursEntry logHours(UUID memberId, HoursKind kind, LocalDate workedOn, BigDecimal hours, String note, String evidenceRef) {
        Member member = member(memberId);
        if (!CurrentUser.is(member.account())) {
            throw new NotFoundException("cohort.member-not-found");
        }
        Cohort cohort = cohort(member.cohortId());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (kind == null || workedOn == null || workedOn.isBefore(cohort.startsOn()) || workedOn.isAfter(today) || workedOn.isAfter(cohort.endsOn())) {
            throw UserFacingException.onField("workedOn", "cohort.invalid.day");
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("24")) > 0 || hours.scale() > 2) {
            throw UserFacingException.onField("hours", "cohort.invalid.entry-hours");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_MAX) {
            throw UserFacingException.onField("note", "cohort.invalid.note");
        }
        BigDecimal sameDay = store.hoursOn(memberId, workedOn);
        if (sameDay != null && sameDay.add(hours).compareTo(new BigDecimal("24")) > 0) {
            throw UserFacingException.onField("hours", "cohort.invalid.day-full");
        }
        String evidence = null;
        if (evidenceRef != null && !evidenceRef.isBlank()) {
            evidence = SystemActor.call(() -> labRecords.of(member.account(), evidenceRef.strip())).map(LabRecords.WorkRecord::description)
                    .orElseThrow(() -> UserFacingException.onField("evidence", "cohort.invalid.evidence"));
        }
        UUID id = UUID.randomUUID();
        store.insertHours(id, memberId, kind, workedOn, hours, text, clock.instant(), evidence == null ? null : evidenceRef.strip(), evidence);
        return hours(memberId).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The participant's mentor co-signs an entry, once; nobody co-signs their own hours. */
    @SignedIn
    @Transactional
    public HoursEntry cosign(UUID entryId) {
        Member member = member(store.memberOfEntry(entryId).orElseThrow(() -> new NotFoundException("cohort.entry-not-found")));
        AccountId me = CurrentUser.requireId();
        if (member.mentor() == null || !member.mentor().equals(me) || member.account().equals(me)) {
            throw new AccessDeniedException("Only the participant's mentor co-signs their hours");
        }
        if (!store.cosign(entryId, me, clock.instant())) {
            throw new UserFacingException("cohort.already-cosigned");
        }
        events.publishEvent(new HoursCosigned(member.id(), entryId));
        return hours(member.id()).stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow();
    }

    /** Every cohort, newest first, for administrators. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Cohort> all() {
        return store.cohorts();
    }

    /** A cohort's participants, for administrators. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Member> members(UUID cohortId) {
        return named(store.membersOf(cohortId));
    }

    /** The cohorts the signed-in person takes part in. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Member> myMemberships() {
        return named(store.membershipsOf(CurrentUser.requireId()));
    }

    /** The participants the signed-in person mentors. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Member> mentees() {
        return named(store.menteesOf(CurrentUser.requireId()));
    }

    @SignedIn
    @Transactional(readOnly = true)
    public Cohort cohortOf(UUID memberId) {
        Member member = visibleMember(memberId);
        return cohort(member.cohortId());
    }

    /** A participant's hours, for them, their mentor and administrators. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<HoursEntry> ledger(UUID memberId) {
        visibleMember(memberId);
        return hours(memberId);
    }

    @SignedIn
    @Transactional(readOnly = true)
    public List<Milestone> milestonesOf(UUID memberId) {
        visibleMember(memberId);
        return store.milestones(memberId);
    }

    /** Co-signed hours against what the cohort requires, and the programme's courses completed. */
    @SignedIn
    @Transactional(readOnly = true)
    public Progress progress(UUID memberId) {
        return progressOf(visibleMember(memberId));
    }

    /** The participant's cohorts, for the platform's completion checks. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public List<UUID> membershipsOf(AccountId account) {
        return store.membershipsOf(account).stream().map(Member::id).toList();
    }

    /**
     * The participant's completed cohort with every co-signed hours entry and the work it cites,
     * for its credential; empty while courses or co-signed hours are missing.
     */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional(readOnly = true)
    public java.util.Optional<CohortCompletion> completion(UUID memberId) {
        Member member = member(memberId);
        if (!progressOf(member).complete()) {
            return java.util.Optional.empty();
        }
        Cohort cohort = cohort(member.cohortId());
        List<CohortCompletion.Hours> cosigned = hours(memberId).stream().filter(HoursEntry::cosigned)
                .sorted(java.util.Comparator.comparing(HoursEntry::workedOn).thenComparing(HoursEntry::loggedAt))
                .map(e -> new CohortCompletion.Hours(e.kind() == HoursKind.ON_THE_JOB, e.workedOn(), e.hours(), e.note(), e.cosignedBy(),
                        e.cosignedAt(), e.evidence())).toList();
        String scheme = switch (cohort.kind()) {
            case APPRENTICESHIP -> "Apprenticeship";
            case RETURNSHIP -> "Returnship";
            case SCHOLARSHIP -> "Scholarship";
        };
        List<String> courses = cohort.courses().stream().map(slug -> catalogue.publishedCourse(slug).map(c -> c.summary().title())
                .orElse(slug)).toList();
        return java.util.Optional.of(new CohortCompletion(member.id(), cohort.id(), member.account(), cohort.name(), scheme, courses,
                cohort.trainingHours(), cohort.workHours(), cosigned));
    }

    private Progress progressOf(Member member) {
        UUID memberId = member.id();
        Cohort cohort = cohort(member.cohortId());
        CohortStore.HoursTotals hours = store.totals(memberId);
        Set<CourseId> completed = SystemActor.call(() -> progress.completedCoursesOf(member.account()));
        List<String> done = cohort.courses().stream().filter(slug -> catalogue.publishedCourse(slug)
                .map(c -> completed.contains(c.summary().id())).orElse(false)).toList();
        List<String> left = cohort.courses().stream().filter(slug -> !done.contains(slug)).toList();
        return new Progress(hours.training(), cohort.trainingHours(), hours.work(), cohort.workHours(), hours.pending(), done, left);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Member visibleMember(UUID memberId) {
        Member member = member(memberId);
        boolean allowed = CurrentUser.is(member.account()) || (member.mentor() != null && CurrentUser.is(member.mentor()))
                || CurrentUser.hasRole(Roles.ADMIN);
        if (!allowed) {
            throw new NotFoundException("cohort.member-not-found");
        }
        return member;
    }

    Cohort cohort(UUID id) {
        return store.cohort(id).orElseThrow(() -> new NotFoundException("cohort.not-found"));
    }

    private Member member(UUID id) {
        return named(store.member(id).stream().toList()).stream().findFirst().orElseThrow(() -> new NotFoundException("cohort.member-not-found"));
    }

    /** The members with their and their mentors' names, looked up at once. */
    private List<Member> named(List<Member> members) {
        var names = accounts.displayNames(members.stream().flatMap(m -> Stream.of(m.account(), m.mentor())).filter(Objects::nonNull)
                .distinct().toList());
        return members.stream().map(m -> new Member(m.id(), m.cohortId(), m.account(), names.getOrDefault(m.account(), ""),
                m.organisation(), m.mentor(), m.mentor() == null ? null : names.getOrDefault(m.mentor(), ""), m.award(), m.currency(),
                m.conditions())).toList();
    }

    /** The ledger with the co-signers' names. */
    private List<HoursEntry> hours(UUID memberId) {
        List<CohortStore.HoursRow> rows = store.hours(memberId);
        var names = accounts.displayNames(rows.stream().map(CohortStore.HoursRow::cosigner).filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(r -> {
            HoursEntry e = r.entry();
            return r.cosigner() == null ? e : new HoursEntry(e.id(), e.member(), e.kind(), e.workedOn(), e.hours(), e.note(), e.loggedAt(),
                    names.getOrDefault(r.cosigner(), ""), e.cosignedAt(), e.evidence());
        }).toList();
    }
}
