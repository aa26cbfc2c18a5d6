package eu.aiskills.academy.talent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.talent.internal.SavedSearchStore;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidates' saved searches: each new matching posting is announced once, and once more a few
 * days before it closes unless the candidate applied. Each announcement is recorded, so a
 * retried event or a second node never sends it twice.
 */
@Service
public class SavedSearches {

    /** How many days before its closing date a matching posting is reminded. */
    public static final int REMIND_DAYS = 3;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final SavedSearchStore store;
    private final Postings postings;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SavedSearches(SavedSearchStore store, Postings postings, Catalogue catalogue, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.postings = postings;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    @SignedIn
    @Transactional
    public SavedSearch save(String name, String text, Set<PostingKind> kinds, Set<String> countries, Set<String> skills) {
        AccountId me = CurrentUser.requireId();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > SavedSearch.NAME_MAX || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("name", "alerts.invalid.name", SavedSearch.NAME_MAX);
        }
        SavedSearch search = new SavedSearch(UUID.randomUUID(), cleanName, text, kinds, countries, skills, clock.instant());
        if (search.text().length() > SavedSearch.TEXT_MAX || search.text().chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("text", "alerts.invalid.text", SavedSearch.TEXT_MAX);
        }
        if (!COUNTRIES.containsAll(search.countries())) {
            throw UserFacingException.onField("countries", "posting.invalid.country");
        }
        Set<String> known = new HashSet<>(catalogue.skills().stream().map(Skill::uri).toList());
        if (!known.containsAll(search.skills())) {
            throw UserFacingException.onField("skills", "candidate.invalid.skills");
        }
        if (search.text().isEmpty() && search.kinds().isEmpty() && search.countries().isEmpty() && search.skills().isEmpty()) {
            throw new UserFacingException("alerts.invalid.empty");
        }
        if (store.countOf(me) >= SavedSearch.PER_PERSON_MAX) {
            throw new UserFacingException("alerts.invalid.too-many", SavedSearch.PER_PERSON_MAX);
        }
        store.insert(me, search);
        return search;
    }

    @SignedIn
    @Transactional(readOnly = true)
    public List<SavedSearch> mine() {
        return store.of(CurrentUser.requireId());
    }

    @SignedIn
    @Transactional
    public void delete(UUID id) {
        if (!store.delete(id, CurrentUser.requireId())) {
            throw new NotFoundException("alerts.not-found");
        }
    }

    /** Announces a newly published posting to every candidate whose saved search matches it, once each. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public int announce(UUID postingId) {
        Posting posting = postings.load(postingId);
        if (posting.status() != PostingStatus.PUBLISHED) {
            return 0;
        }
        int sent = 0;
        for (SavedSearchStore.Owned search : store.all()) {
            if (search.search().matches(posting) && store.record(search.account(), postingId, "ANNOUNCED", clock.instant())) {
                events.publishEvent(new PostingAlert(search.account(), postingId, posting.draft().title(), search.search().name(), false));
                sent++;
            }
        }
        return sent;
    }

    /** Reminds candidates of announced postings that close within {@link #REMIND_DAYS} days and that they have not applied to. */
    @RolesAllowed(Roles.SYSTEM)
    @Transactional
    public int remindClosing() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<SavedSearchStore.Due> due = store.dueReminders(today, today.plusDays(REMIND_DAYS));
        // Every saved search read once, not once per posting due.
        List<SavedSearchStore.Owned> searches = due.isEmpty() ? List.of() : store.all();
        int sent = 0;
        for (SavedSearchStore.Due reminder : due) {
            Posting posting = postings.load(reminder.posting());
            String searchName = searches.stream().filter(s -> s.account().equals(reminder.account()) && s.search().matches(posting))
                    .map(s -> s.search().name()).findFirst().orElse(null);
            if (searchName != null && store.record(reminder.account(), reminder.posting(), "REMINDED", clock.instant())) {
                events.publishEvent(new PostingAlert(reminder.account(), reminder.posting(), posting.draft().title(), searchName, true));
                sent++;
            }
        }
        return sent;
    }
}
