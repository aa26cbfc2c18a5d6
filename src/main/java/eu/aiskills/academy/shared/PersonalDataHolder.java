package eu.aiskills.academy.shared;

import java.util.Map;
import java.util.UUID;

/**
 * A module's part in a person's data rights: every module that stores something about a person
 * provides one. The identity module's {@code PersonalData} service calls them (after checking
 * who asks): to export everything as machine-readable JSON, and to erase — remove or anonymise —
 * what the module holds, keeping only what the law or other people need (aggregate counts, an
 * employer's record that an application existed, GPU-hour accounting). Erasing twice changes
 * nothing the second time.
 */
public interface PersonalDataHolder {

    /** The key of this module's part of an export, for example "talent". */
    String section();

    /** What the module holds about the account, as JSON-ready maps, lists, strings and numbers. */
    Map<String, Object> export(UUID account);

    /** Removes or anonymises what the module holds about the account. */
    void erase(UUID account);
}
