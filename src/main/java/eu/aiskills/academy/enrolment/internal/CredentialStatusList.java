package eu.aiskills.academy.enrolment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform's revocation list as a W3C Bitstring Status List (v1.0): 131,072 positions, one
 * per credential, chosen at random (herd privacy, as the specification advises); a revoked
 * credential's bit is 1. The list is read from the credentials' rows whenever it is asked for, so
 * a revocation shows at once. The bit of position 0 is the left-most bit of the first byte.
 */
@Component
public class CredentialStatusList {

    /** Positions in the list: the specification's minimum (16 KiB before compression). */
    public static final int SIZE = 131_072;
    /** Where the list's credential is served, under the platform's base address. */
    public static final String PATH = "/credentials/status/revocation";

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    CredentialStatusList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A free position, at random. Two issuances picking the same one at the same moment are kept
     * apart by the unique key on the position: the later one fails and is retried.
     */
    public int allocate() {
        for (int tries = 0; tries < 32; tries++) {
            int index = random.nextInt(SIZE);
            Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM credential WHERE status_index = ?", Integer.class, index);
            if (taken != null && taken == 0) {
                return index;
            }
        }
        throw new IllegalStateException("The revocation status list has no free position left after 32 tries");
    }

    /** The list as the specification encodes it: GZIP-compressed, base64url without padding, with the multibase prefix "u". */
    public String encodedList() {
        byte[] bits = new byte[SIZE / 8];
        jdbc.query("SELECT status_index FROM credential WHERE revoked_at IS NOT NULL AND status_index IS NOT NULL", rs -> {
            int index = rs.getInt(1);
            bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        });
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }
}
