package eu.aiskills.academy.shell.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import eu.aiskills.academy.catalogue.CoursePublished;
import eu.aiskills.academy.catalogue.CourseWithdrawn;
import eu.aiskills.academy.compute.AllocationDecided;
import eu.aiskills.academy.enrolment.CredentialRevoked;
import eu.aiskills.academy.fellowships.CallPublished;
import eu.aiskills.academy.fellowships.FellowshipCalls;
import eu.aiskills.academy.fellowships.RankingReleased;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.MembershipChanged;
import eu.aiskills.academy.identity.OrganisationManagement;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.RolesChanged;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.talent.PostingPublished;
import eu.aiskills.academy.talent.Postings;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log from the modules' events. The listeners run in the thread and transaction
 * of the action (plain {@code @EventListener}, not after commit): the record commits with the
 * action or not at all, and the person acting is still the one signed in.
 */
@Component
class AuditTrail {

    private static final String PLATFORM = "platform";

    private final JdbcTemplate jdbc;
    private final AccountManagement accounts;
    private final OrganisationManagement organisations;
    private final Postings postings;
    private final FellowshipCalls calls;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, AccountManagement accounts, OrganisationManagement organisations, Postings postings,
               FellowshipCalls calls, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisations = organisations;
        this.postings = postings;
        this.calls = calls;
        this.clock = clock;
    }

    @EventListener
    void on(RolesChanged event) {
        record("roles-changed", person(event.accountId()), names(event.before()) + " → " + names(event.after()));
    }

    @EventListener
    void on(MembershipChanged event) {
        String organisation = SystemActor.call(() -> organisations.find(event.organisationId())).map(o -> o.name()).orElse("");
        record("membership-changed", person(event.accountId()) + " @ " + organisation,
                event.role().name() + (event.active() ? " added" : " removed"));
    }

    @EventListener
    void on(CoursePublished event) {
        switch (event.change()) {
            case PUBLISHED -> record("course-published", event.slug(), "revision " + event.revision());
            case REVISION_PUBLISHED -> record("course-revision-published", event.slug(), "revision " + event.revision());
            case RUNS_CHANGED -> record("course-runs-changed", event.slug(), "version " + event.version());
            case IMPORTED -> record("course-imported", event.slug(), "from content files, version " + event.version());
        }
    }

    @EventListener
    void on(CourseWithdrawn event) {
        record("course-withdrawn", event.slug(), "version " + event.version());
    }

    @EventListener
    void on(PostingPublished event) {
        var posting = SystemActor.call(() -> postings.published(event.posting()));
        record("posting-published", posting.draft().title() + " (" + posting.organisationName() + ")", event.posting().toString());
    }

    @EventListener
    void on(CallPublished event) {
        var call = SystemActor.call(() -> calls.get(event.call()));
        record("call-published", call.title() + " (" + call.slug() + ")", "closes " + call.closesAt());
    }

    @EventListener
    void on(RankingReleased event) {
        record("ranking-released", event.callTitle() + " (" + event.callSlug() + ")", event.applicants().size() + " applicants");
    }

    @EventListener
    void on(AllocationDecided event) {
        String subject = event.factory() + " / " + event.partition() + " (" + event.allocation().value() + ")";
        if (event.granted() == null) {
            record("allocation-rejected", subject, "requested " + event.requested().stripTrailingZeros().toPlainString() + " GPU-hours");
        } else {
            record("allocation-granted", subject, "requested " + event.requested().stripTrailingZeros().toPlainString()
                    + " GPU-hours, granted " + event.granted().stripTrailingZeros().toPlainString());
        }
    }

    @EventListener
    void on(CredentialRevoked event) {
        record("credential-revoked", person(event.learner()), "credential " + event.credential().value());
    }

    private void record(String action, String subject, String details) {
        AccountId actor = CurrentUser.hasRole(Roles.SYSTEM) ? null : CurrentUser.id().orElse(null);
        String actorName = actor == null ? PLATFORM : SystemActor.call(() -> accounts.displayNames(List.of(actor))).getOrDefault(actor, "?");
        jdbc.update("INSERT INTO audit_event (id, occurred_at, actor_id, actor_name, action, subject, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), Timestamp.from(clock.instant()), actor == null ? null : actor.value().toString(),
                clip(actorName, 200), action, clip(subject, 300), clip(details, 1000));
    }

    private String person(AccountId account) {
        try {
            var summary = SystemActor.call(() -> accounts.get(account));
            return summary.displayName() + " <" + summary.email() + ">";
        } catch (RuntimeException gone) {
            return account.value().toString();
        }
    }

    private static String names(Set<Role> roles) {
        return String.join(", ", new TreeSet<>(roles.stream().map(Role::name).toList()));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
