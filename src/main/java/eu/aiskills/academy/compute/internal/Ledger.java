package eu.aiskills.academy.compute.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.compute.QuotaAccountId;
import eu.aiskills.academy.compute.QuotaEntry;
import eu.aiskills.academy.compute.QuotaEntryKind;
import eu.aiskills.academy.shared.UserFacingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quota ledger's mechanics. A movement locks its account's row, checks the balance, inserts
 * its entry (whose idempotency key is unique: a retry finds the entry already there and changes
 * nothing) and applies it to the balance with an update that cannot take it below zero; all in
 * one transaction, so the balance is always the sum of the entries. Authorisation is the
 * callers' (the module's services).
 */
@Component
public class Ledger {

    /** Accounts are of an allocation or of one learner in one run. */
    public enum AccountKind { ALLOCATION, LEARNER }

    /** A movement's outcome: the entry, and whether this call applied it (false: a retry of an earlier one). */
    public record Movement(QuotaEntry entry, boolean applied) {
    }

    private static final RowMapper<QuotaEntry> ENTRY = (rs, n) -> new QuotaEntry(UUID.fromString(rs.getString("id")),
            new QuotaAccountId(UUID.fromString(rs.getString("account_id"))), QuotaEntryKind.valueOf(rs.getString("kind")),
            rs.getBigDecimal("hours"), rs.getString("reason"),
            rs.getString("actor_id") == null ? null : UUID.fromString(rs.getString("actor_id")),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The allocation's account, created (empty) the first time. */
    @Transactional
    public QuotaAccountId allocationAccount(UUID allocationId) {
        return find("SELECT id FROM quota_account WHERE allocation_id = ?", allocationId.toString())
                .orElseGet(() -> create(AccountKind.ALLOCATION, allocationId, null, null,
                        "SELECT id FROM quota_account WHERE allocation_id = ?", allocationId.toString()));
    }

    /** One learner's account within a run, created (empty) the first time. */
    @Transactional
    public QuotaAccountId learnerAccount(UUID runId, UUID learnerId) {
        String query = "SELECT id FROM quota_account WHERE run_id = ? AND learner_id = ?";
        return find(query, runId.toString(), learnerId.toString())
                .orElseGet(() -> create(AccountKind.LEARNER, null, runId, learnerId, query, runId.toString(), learnerId.toString()));
    }

    private QuotaAccountId create(AccountKind kind, UUID allocationId, UUID runId, UUID learnerId, String query, Object... keys) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("INSERT INTO quota_account (id, kind, allocation_id, run_id, learner_id, balance, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, 0, ?)", id.toString(), kind.name(),
                    allocationId == null ? null : allocationId.toString(), runId == null ? null : runId.toString(),
                    learnerId == null ? null : learnerId.toString(), Timestamp.from(clock.instant()));
            return new QuotaAccountId(id);
        } catch (DuplicateKeyException createdConcurrently) {
            return find(query, keys).orElseThrow();
        }
    }

    private Optional<QuotaAccountId> find(String query, Object... keys) {
        return jdbc.queryForList(query, String.class, keys).stream().findFirst().map(id -> new QuotaAccountId(UUID.fromString(id)));
    }

    /**
     * Moves {@code hours} (positive adds, negative takes) on the account, once per
     * {@code idempotencyKey}. Taking more than the balance is refused with the balance named.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Movement move(QuotaAccountId account, QuotaEntryKind kind, BigDecimal hours, String idempotencyKey, UUID actor,
                         String reason) {
        Optional<QuotaEntry> earlier = entry(idempotencyKey);
        if (earlier.isPresent()) {
            return new Movement(earlier.get(), false);
        }
        // The account row first, exclusively: movements on one account queue here, and nothing else
        // (the entry's foreign-key check included) takes a lock on it before, so they cannot deadlock.
        BigDecimal balance = jdbc.queryForObject("SELECT balance FROM quota_account WHERE id = ? FOR UPDATE", BigDecimal.class,
                account.value().toString());
        earlier = entry(idempotencyKey);
        if (earlier.isPresent()) {
            return new Movement(earlier.get(), false);
        }
        if (balance.add(hours).signum() < 0) {
            throw new UserFacingException("quota.insufficient", hours.negate().stripTrailingZeros().toPlainString(),
                    balance.stripTrailingZeros().toPlainString());
        }
        QuotaEntry entry = new QuotaEntry(UUID.randomUUID(), account, kind, hours, reason, actor,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        try {
            jdbc.update("INSERT INTO quota_entry (id, account_id, kind, hours, idempotency_key, actor_id, reason, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entry.id().toString(), account.value().toString(), kind.name(), hours,
                    idempotencyKey, actor == null ? null : actor.toString(), reason, Timestamp.from(entry.createdAt()));
        } catch (DuplicateKeyException usedOnAnotherAccount) {
            return new Movement(entry(idempotencyKey).orElseThrow(), false);
        }
        // Guarded again in SQL (and by the CHECK): the balance cannot go below zero whatever the code above did.
        int applied = jdbc.update("UPDATE quota_account SET balance = balance + ? WHERE id = ? AND balance + ? >= 0",
                hours, account.value().toString(), hours);
        if (applied == 0) {
            throw new IllegalStateException("Balance of quota account " + account + " changed under its lock");
        }
        return new Movement(entry, true);
    }

    @Transactional(readOnly = true)
    /** A learner's quota account in one run. */
    public record LearnerAccount(QuotaAccountId id, UUID runId) {
    }

    /** The learner's quota accounts, one per run they have a lab quota in, newest first. */
    public List<LearnerAccount> learnerAccounts(UUID learnerId) {
        return jdbc.query("SELECT id, run_id FROM quota_account WHERE learner_id = ? ORDER BY created_at DESC",
                (rs, n) -> new LearnerAccount(new QuotaAccountId(UUID.fromString(rs.getString("id"))), UUID.fromString(rs.getString("run_id"))),
                learnerId.toString());
    }

    public BigDecimal balance(QuotaAccountId account) {
        return jdbc.queryForObject("SELECT balance FROM quota_account WHERE id = ?", BigDecimal.class, account.value().toString());
    }

    /** The balance as the sum of the entries (for checks; the row's balance is what movements use). */
    @Transactional(readOnly = true)
    public BigDecimal sumOfEntries(QuotaAccountId account) {
        BigDecimal sum = jdbc.queryForObject("SELECT COALESCE(SUM(hours), 0) FROM quota_entry WHERE account_id = ?",
                BigDecimal.class, account.value().toString());
        return sum == null ? BigDecimal.ZERO : sum;
    }

    @Transactional(readOnly = true)
    public List<QuotaEntry> entries(QuotaAccountId account, int limit) {
        // Newest first along the (account_id, created_at) index: no sort, however many entries the account has.
        return jdbc.query("SELECT * FROM quota_entry WHERE account_id = ? ORDER BY created_at DESC LIMIT ?", ENTRY,
                account.value().toString(), limit);
    }

    private Optional<QuotaEntry> entry(String idempotencyKey) {
        return jdbc.query("SELECT * FROM quota_entry WHERE idempotency_key = ?", ENTRY, idempotencyKey).stream().findFirst();
    }
}
