package eu.aiskills.academy.enrolment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import eu.aiskills.academy.enrolment.EnrolmentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The credential-signing keys: a JSON Web Key Set in a file outside the repository. The first
 * key signs new credentials; every key in the set verifies, so that rotating (a new key put
 * first) leaves credentials signed earlier verifiable.
 */
@Component
public class CredentialKeys {

    private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);

    private final EnrolmentProperties properties;
    private final Clock clock;
    private volatile JWKSet keys;

    CredentialKeys(EnrolmentProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.keys = load();
    }

    private JWKSet load() {
        Path file = properties.keyFile().toAbsolutePath();
        if (Files.exists(file)) {
            try {
                JWKSet set = JWKSet.load(file.toFile());
                if (set.getKeys().isEmpty() || !set.getKeys().getFirst().isPrivate()) {
                    throw new IllegalStateException("The credential key file " + file + " must hold at least one private key"
                            + " (academy.enrolment.credentials.key-file)");
                }
                return set;
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("Cannot read the credential key file " + file
                        + " (academy.enrolment.credentials.key-file): " + e.getMessage(), e);
            }
        }
        if (!properties.generateKey()) {
            throw new IllegalStateException("No credential key file at " + file + ": provide a JSON Web Key Set with an "
                    + "EC P-256 private key there, or set academy.enrolment.credentials.key-file to where it is");
        }
        JWKSet created = new JWKSet(newKey());
        write(created);
        log.info("Credential signing: created a new key {} in {}", created.getKeys().getFirst().getKeyID(), file);
        return created;
    }

    private ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID(DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atZone(java.time.ZoneOffset.UTC)) + "-"
                            + UUID.randomUUID().toString().substring(0, 8))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a credential signing key", e);
        }
    }

    private void write(JWKSet set) {
        Path file = properties.keyFile().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "keys", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("No POSIX permissions for {}", temporary);
            }
            Files.writeString(temporary, set.toString(false), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the credential key file " + file, e);
        }
    }

    /** The key that signs new credentials. */
    public ECKey signing() {
        return (ECKey) keys.getKeys().getFirst();
    }

    /** Where a key is served, its {@code kid} in credentials' headers and in the published key set. */
    public static String keyUrl(String base, String keyId) {
        return base + KEYS_PATH + keyId;
    }

    /** The path keys are served under, followed by their short id. */
    public static final String KEYS_PATH = "/credentials/keys/";

    /** A key by its id (the short one, or its URL: credentials issued before keys had URLs name the short one), public part only. */
    public Optional<ECKey> verifying(String keyId) {
        String shortId = keyId == null ? null : keyId.substring(keyId.lastIndexOf(KEYS_PATH) < 0 ? 0 : keyId.lastIndexOf(KEYS_PATH)
                + KEYS_PATH.length());
        return Optional.ofNullable(keys.getKeyByKeyId(shortId)).filter(ECKey.class::isInstance)
                .map(k -> ((ECKey) k).toPublicJWK());
    }

    /** One public key as published: its {@code kid} is its URL. */
    public Optional<ECKey> published(String base, String keyId) {
        return verifying(keyId).map(key -> new ECKey.Builder(key).keyID(keyUrl(base, key.getKeyID())).build());
    }

    /** The public keys, for /.well-known/jwks.json and anyone verifying credentials elsewhere; each {@code kid} is the key's URL. */
    public JWKSet publicKeys(String base) {
        return new JWKSet(keys.toPublicJWKSet().getKeys().stream().filter(ECKey.class::isInstance)
                .map(key -> (JWK) new ECKey.Builder((ECKey) key).keyID(keyUrl(base, key.getKeyID())).build()).toList());
    }

    /** Puts a new signing key first; earlier keys stay for verification. Returns the new key's id. */
    public synchronized String rotate() {
        List<JWK> next = new ArrayList<>();
        ECKey fresh = newKey();
        next.add(fresh);
        next.addAll(keys.getKeys());
        JWKSet set = new JWKSet(next);
        write(set);
        keys = set;
        log.info("Credential signing: rotated to key {}", fresh.getKeyID());
        return fresh.getKeyID();
    }
}
