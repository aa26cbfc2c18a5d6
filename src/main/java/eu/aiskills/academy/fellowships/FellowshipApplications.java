package eu.aiskills.academy.fellowships;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.documents.Documents;
import eu.aiskills.academy.documents.StoredDocument;
import eu.aiskills.academy.fellowships.internal.FellowshipApplicationStore;
import eu.aiskills.academy.fellowships.internal.PlacementStore;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.Markdown;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to fellowship calls: prepared as drafts (proposal, declared facts, ranked host
 * offers, required documents), checked for eligibility with every rule explained, submitted
 * before the deadline as the server's clock decides, then immutable with a receipt; withdrawn by
 * the applicant.
 */
@Service
public class FellowshipApplications {

    private final FellowshipApplicationStore store;
    private final PlacementStore placements;
    private final FellowshipCalls calls;
    private final Documents documents;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;
    private final eu.aiskills.academy.identity.AccountManagement accounts;

    FellowshipApplications(FellowshipApplicationStore store, PlacementStore placements, FellowshipCalls calls, Documents documents,
                           org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock,
                           eu.aiskills.academy.identity.AccountManagement accounts) {
        this.accounts = accounts;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.store = store;
        this.placements = placements;
        this.calls = calls;
        this.documents = documents;
        this.clock = clock;
    }

    /** Explains, rule by rule, whether these facts and choices are eligible for the call: anyone may check. */
    @PermitAll
    @Transactional(readOnly = true)
    public EligibilityReport checkEligibility(FellowshipCallId callId, ApplicantFacts facts, List<UUID> choices) {
        FellowshipCall call = calls.get(callId);
        validate(facts, call.referenceDay());
        return Eligibility.evaluate(call.rules(), facts, call.referenceDay(), hostCountries(callId, choices));
    }

    /** The signed-in person's application to a call, if they started one. */
    @SignedIn
    @Transactional(readOnly = true)
    public Optional<FellowshipApplication> mine(FellowshipCallId callId) {
        return store.of(callId, CurrentUser.requireId());
    }

    /** Every application of the signed-in person, newest first. */
    @SignedIn
    @Transactional(readOnly = true)
    public List<FellowshipApplication> allMine() {
        return store.allOf(CurrentUser.requireId());
    }

    /**
     * Saves the draft (creating it on the first save); refused once submitted or after the deadline.
     * Two tabs creating the same draft at once: the second insert fails on the unique key and is
     * retried in a new transaction, which then finds the row and saves into it (retrying in the same
     * transaction would hold the failed insert's lock and deadlock with a third tab).
     */
    @SignedIn
    public FellowshipApplication save(FellowshipCallId callId, ApplicationDraft draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> saveOnce(callId, draft));
            } catch (DuplicateKeyException | org.springframework.dao.CannotAcquireLockException concurrent) {
                if (attempt == 3) {
                    throw concurrent;
                }
            }
        }
    }

    private FellowshipApplication saveOnce(FellowshipCallId callId, ApplicationDraft draft) {
        FellowshipCall call = calls.get(callId);
        AccountId me = CurrentUser.requireId();
        Instant now = clock.instant();
        if (!call.openAt(now)) {
            throw new UserFacingException(now.isBefore(call.opensAt()) ? "fellowship.not-yet-open" : "fellowship.call-closed",
                    at(call, call.opensAt().isAfter(now) ? call.opensAt() : call.closesAt()));
        }
        String proposal = draft.proposal() == null ? "" : draft.proposal().strip();
        if (proposal.length() > ApplicationDraft.PROPOSAL_MAX) {
            throw UserFacingException.onField("proposal", "fellowship.invalid.proposal", ApplicationDraft.PROPOSAL_MAX);
        }
        Markdown.toSafeHtml(proposal);
        validate(draft.facts(), call.referenceDay());
        List<UUID> choices = validChoices(call, draft.choices());
        List<FellowshipApplication.Attached> attached = attached(call, draft.documents(), me);
        Optional<FellowshipApplication> existing = store.lockedOf(callId, me);
        if (existing.isPresent() && existing.get().status() != FellowshipApplication.Status.DRAFT) {
            throw new UserFacingException("fellowship.application-submitted");
        }
        if (existing.isEmpty()) {
            store.insertDraft(callId, me, CurrentUser.principal().map(p -> p.displayName()).orElse(""), proposal, draft.facts(), choices,
                    attached, now);
        } else {
            store.updateDraft(existing.get().id(), proposal, draft.facts(), choices, attached, now);
        }
        return mine(callId).orElseThrow();
    }

    /**
     * Submits the draft: before the deadline by the server's clock, eligible, with a proposal, at
     * least one host offer and every required document. Submitted applications never change; the
     * receipt is the SHA-256 of what was submitted.
     */
    @SignedIn
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public FellowshipApplication submit(FellowshipCallId callId) {
        AccountId me = CurrentUser.requireId();
        accounts.requireVerifiedEmail();
        FellowshipApplication draft = store.lockedOf(callId, me).orElseThrow(() -> new UserFacingException("fellowship.no-draft"));
        // The clock is read after the lock: the moment that counts is when this submission holds its row.
        Instant now = clock.instant();
        FellowshipCall call = calls.get(callId);
        if (draft.status() != FellowshipApplication.Status.DRAFT) {
            throw new UserFacingException("fellowship.application-submitted");
        }
        if (!now.isBefore(call.closesAt())) {
            throw new UserFacingException("fellowship.late", at(call, call.closesAt()), at(call, now));
        }
        if (now.isBefore(call.opensAt())) {
            throw new UserFacingException("fellowship.not-yet-open", at(call, call.opensAt()));
        }
        if (draft.proposal().isBlank()) {
            throw UserFacingException.onField("proposal", "fellowship.invalid.proposal-missing");
        }
        if (draft.choices().isEmpty()) {
            throw UserFacingException.onField("choices", "fellowship.invalid.no-choice");
        }
        Set<String> given = new LinkedHashSet<>(draft.documents().stream().map(FellowshipApplication.Attached::name).toList());
        List<String> missing = call.requiredDocuments().stream().filter(name -> !given.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw UserFacingException.onField("documents", "fellowship.invalid.documents-missing", String.join(", ", missing));
        }
        List<UUID> open = calls.offers(callId).stream().map(HostOffer::id).toList();
        if (!open.containsAll(draft.choices())) {
            throw UserFacingException.onField("choices", "fellowship.invalid.offer-withdrawn");
        }
        EligibilityReport report = Eligibility.evaluate(call.rules(), draft.facts(), call.referenceDay(), hostCountries(callId, draft.choices()));
        if (!report.eligible()) {
            throw new UserFacingException("fellowship.not-eligible");
        }
        String receipt = receipt(draft, now);
        if (!store.submit(draft.id(), receipt, now)) {
            throw new UserFacingException("fellowship.application-submitted");
        }
        return mine(callId).orElseThrow();
    }

    /** Takes an application back (a draft or a submitted one); it is then out of review and placement. */
    @SignedIn
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public FellowshipApplication withdraw(FellowshipCallId callId) {
        AccountId me = CurrentUser.requireId();
        FellowshipApplication application = store.lockedOf(callId, me).orElseThrow(() -> new NotFoundException("fellowship.application-not-found"));
        if (application.status() == FellowshipApplication.Status.WITHDRAWN) {
            throw new UserFacingException("fellowship.application-withdrawn");
        }
        Instant now = clock.instant();
        store.withdraw(application.id(), now);
        placements.declineLive(application.id(), now);
        return mine(callId).orElseThrow();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private void validate(ApplicantFacts f, LocalDate reference) {
        if (f.nationality() != null && !COUNTRIES.contains(f.nationality())) {
            throw UserFacingException.onField("nationality", "candidate.invalid.country");
        }
        if (f.residences().size() > ApplicantFacts.PERIODS_MAX || f.residences().stream().anyMatch(r -> r.country() == null
                || !COUNTRIES.contains(r.country()) || r.from() == null || (r.to() != null && r.to().isBefore(r.from())))) {
            throw UserFacingException.onField("residences", "fellowship.invalid.residences", ApplicantFacts.PERIODS_MAX);
        }
        if (f.phd() != ApplicantFacts.PhdStatus.NONE && f.phdDate() != null && f.phdDate().isAfter(reference.plusYears(1))) {
            throw UserFacingException.onField("phdDate", "fellowship.invalid.phd-date");
        }
        if (f.careerBreaks().size() > ApplicantFacts.PERIODS_MAX || f.careerBreaks().stream().anyMatch(b -> b.from() == null
                || b.to() == null || b.to().isBefore(b.from()) || (b.reason() != null && b.reason().length() > ApplicantFacts.BREAK_REASON_MAX))) {
            throw UserFacingException.onField("careerBreaks", "fellowship.invalid.breaks", ApplicantFacts.PERIODS_MAX);
        }
    }

    private List<UUID> validChoices(FellowshipCall call, List<UUID> choices) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(choices));
        if (distinct.size() != choices.size() || distinct.size() > call.maxChoices()) {
            throw UserFacingException.onField("choices", "fellowship.invalid.choices-count", call.maxChoices());
        }
        Set<UUID> open = new java.util.HashSet<>(calls.offers(call.id()).stream().map(HostOffer::id).toList());
        if (!open.containsAll(distinct)) {
            throw UserFacingException.onField("choices", "fellowship.invalid.offer-withdrawn");
        }
        return distinct;
    }

    private List<FellowshipApplication.Attached> attached(FellowshipCall call, Map<String, DocumentId> given, AccountId me) {
        List<FellowshipApplication.Attached> attached = new ArrayList<>();
        for (Map.Entry<String, DocumentId> entry : new LinkedHashMap<>(given).entrySet()) {
            if (!call.requiredDocuments().contains(entry.getKey()) || entry.getValue() == null) {
                throw UserFacingException.onField("documents", "fellowship.invalid.document-name", entry.getKey());
            }
            StoredDocument document = documents.get(entry.getValue());
            if (!document.owner().equals(me)) {
                throw UserFacingException.onField("documents", "fellowship.invalid.document-name", entry.getKey());
            }
            attached.add(new FellowshipApplication.Attached(entry.getKey(), document.id(), document.fileName()));
        }
        return attached;
    }

    private List<String> hostCountries(FellowshipCallId callId, List<UUID> choices) {
        if (choices == null || choices.isEmpty()) {
            return List.of();
        }
        return calls.offers(callId).stream().filter(o -> choices.contains(o.id())).map(HostOffer::country).distinct().toList();
    }

    /** An instant as the call's applicants read its deadline: "2026-12-01 17:00:00 CET". */
    static String at(FellowshipCall call, Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH).format(instant.atZone(call.timeZone()));
    }

    private static String receipt(FellowshipApplication a, Instant at) {
        String content = FellowshipCalls.JSON.writeValueAsString(List.of(a.id().toString(), a.callId().toString(),
                a.applicant().value().toString(), a.proposal(), a.facts(), a.choices(), a.documents(), at.toString()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
