package eu.aiskills.academy.documents.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import eu.aiskills.academy.documents.DocumentId;
import eu.aiskills.academy.shared.PersonalDataHolder;
import eu.aiskills.academy.shared.PersonalDataRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's files: exported as a list (name, kind, size, checksum, dates; the files themselves
 * are downloaded from My documents), and deleted with their stored bytes on erasure — except
 * course material, which belongs to the course's learners too.
 */
@Component
class DocumentsPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final DocumentIntake intake;
    private final TransactionTemplate transactions;

    DocumentsPersonalData(JdbcTemplate jdbc, DocumentIntake intake, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.transactions = transactions;
    }

    @Override
    public String section() {
        return "documents";
    }

    @Override
    public Map<String, Object> export(UUID account) {
        return Map.of("files", PersonalDataRows.of(jdbc, "SELECT id, purpose, file_name, kind, media_type, size_bytes, sha256, created_at"
                + " FROM stored_document WHERE owner_id = ? ORDER BY created_at", account.toString()));
    }

    @Override
    public void erase(UUID account) {
        List<String> ids = jdbc.queryForList("SELECT id FROM stored_document WHERE owner_id = ? AND purpose <> 'COURSE_MATERIAL'",
                String.class, account.toString());
        for (String id : ids) {
            // The row first, then the bytes: never a row whose file is gone.
            transactions.executeWithoutResult(status -> jdbc.update("DELETE FROM stored_document WHERE id = ?", id));
            intake.discard(new DocumentId(UUID.fromString(id)));
        }
    }
}
