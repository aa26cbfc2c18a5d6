package eu.aiskills.academy.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data rights across the platform: a machine-readable export of everything every
 * module holds about them, and erasure (the person themselves, after confirming with their
 * e-mail address, or an administrator). Erasure asks every module to remove or anonymise its
 * part, then anonymises the account itself last, so an interrupted erasure is completed by
 * running it again.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<PersonalDataHolder> holders;
    private final Clock clock;

    PersonalData(List<PersonalDataHolder> holders, Clock clock) {
        this.holders = holders;
        this.clock = clock;
    }

    /** Everything the platform holds about the signed-in person, as JSON. */
    @SignedIn
    public String exportMine() {
        return export(CurrentUser.requireId());
    }

    @RolesAllowed(Roles.ADMIN)
    public String exportOf(AccountId account) {
        return export(account);
    }

    /** Erases the signed-in person's data; {@code confirmation} must be their e-mail address. */
    @SignedIn
    public void eraseMine(String confirmation) {
        AccountId me = CurrentUser.requireId();
        String email = CurrentUser.principal().map(AcademyPrincipal::email).orElse("");
        if (confirmation == null || !EmailAddress.normalise(confirmation.strip()).equals(EmailAddress.normalise(email))) {
            throw UserFacingException.onField("confirmation", "privacy.erase.confirm-mismatch");
        }
        erase(me);
    }

    @RolesAllowed(Roles.ADMIN)
    public void eraseOf(AccountId account) {
        erase(account);
    }

    private String export(AccountId account) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("exportedAt", clock.instant().toString());
        all.put("accountId", account.value().toString());
        for (PersonalDataHolder holder : ordered()) {
            all.put(holder.section(), holder.export(account.value()));
        }
        return JSON.writeValueAsString(all);
    }

    private void erase(AccountId account) {
        UUID id = account.value();
        for (PersonalDataHolder holder : ordered()) {
            holder.erase(id);
        }
        log.info("Personal data of account {} erased by {}", id, CurrentUser.id().map(Object::toString).orElse("the platform"));
    }

    /** The identity module's own part last: until then, an interrupted erasure can be run again by the same person. */
    private List<PersonalDataHolder> ordered() {
        return holders.stream().sorted(java.util.Comparator.comparing(h -> h.section().equals("account") ? 1 : 0)).toList();
    }
}
