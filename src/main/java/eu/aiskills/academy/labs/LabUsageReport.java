package eu.aiskills.academy.labs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.AccountManagement;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.labs.internal.LabSessionStore;
import eu.aiskills.academy.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * How a course's class uses its labs, for its instructors (and administrators): three queries
 * whatever the number of labs, learners and days.
 */
@Service
public class LabUsageReport {

    /** Days of the sessions-per-day series, today included. */
    static final int DAYS = 14;

    private final Labs labs;
    private final LabSessionStore store;
    private final Catalogue catalogue;
    private final AccountManagement accounts;
    private final Clock clock;

    LabUsageReport(Labs labs, LabSessionStore store, Catalogue catalogue, AccountManagement accounts, Clock clock) {
        this.labs = labs;
        this.store = store;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.clock = clock;
    }

    @SignedIn
    public LabUsage usage(String courseSlug) {
        CourseDetail course = catalogue.publishedCourse(courseSlug).orElseThrow(() -> new NotFoundException("authoring.course-not-found"));
        if (!CurrentUser.hasRole(Roles.ADMIN) && !catalogue.teaches(course.summary().id())) {
            throw new AccessDeniedException("Not an instructor of " + courseSlug);
        }
        Instant now = clock.instant();
        List<LabSessionStore.LearnerUse> use = store.use(courseSlug);
        Map<UUID, Map<AccountId, Duration>> time = new HashMap<>();
        for (LabSessionStore.Span span : store.spans(courseSlug)) {
            time.computeIfAbsent(span.template(), t -> new HashMap<>()).merge(span.learner(),
                    Duration.between(span.startedAt(), span.stoppedAt() == null ? now : span.stoppedAt()), Duration::plus);
        }
        Map<AccountId, String> names = accounts.displayNames(use.stream().map(LabSessionStore.LearnerUse::learner).distinct().toList());
        List<LabUsage.Lab> result = new ArrayList<>();
        for (LabTemplate lab : labs.all().stream().filter(l -> l.courseSlug().equals(courseSlug)).toList()) {
            List<LabSessionStore.LearnerUse> rows = use.stream().filter(row -> row.template().equals(lab.id())).toList();
            Map<AccountId, Duration> spent = time.getOrDefault(lab.id(), Map.of());
            List<LabUsage.Learner> learners = rows.stream().map(row -> new LabUsage.Learner(names.getOrDefault(row.learner(), "?"),
                            row.sessions(), spent.getOrDefault(row.learner(), Duration.ZERO), row.bestScore(), row.lastActive()))
                    .sorted(Comparator.comparing(LabUsage.Learner::lastActive).reversed()).toList();
            List<BigDecimal> bests = learners.stream().map(LabUsage.Learner::bestScore).filter(Objects::nonNull).toList();
            result.add(new LabUsage.Lab(lab.slug(), lab.title(), learners.stream().mapToInt(LabUsage.Learner::sessions).sum(),
                    learners.size(), learners.stream().map(LabUsage.Learner::time).reduce(Duration.ZERO, Duration::plus),
                    rows.stream().map(LabSessionStore.LearnerUse::gpuHours).reduce(BigDecimal.ZERO, BigDecimal::add),
                    rows.stream().mapToInt(LabSessionStore.LearnerUse::live).sum(),
                    bests.isEmpty() ? null : bests.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(bests.size()), 1, RoundingMode.HALF_UP), learners));
        }
        return new LabUsage(courseSlug, course.summary().title(), result, perDay(store.startsSince(courseSlug, firstDay(now)), now));
    }

    private static Instant firstDay(Instant now) {
        return today(now).minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate today(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** How many of the moments fall on each of the last {@link #DAYS} days (UTC), oldest first. */
    static List<Integer> perDay(List<Instant> starts, Instant now) {
        LocalDate first = today(now).minusDays(DAYS - 1);
        int[] counts = new int[DAYS];
        for (Instant start : starts) {
            long day = start.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay() - first.toEpochDay();
            if (day >= 0 && day < DAYS) {
                counts[(int) day]++;
            }
        }
        List<Integer> perDay = new ArrayList<>(DAYS);
        for (int count : counts) {
            perDay.add(count);
        }
        return perDay;
    }
}
