package eu.aiskills.academy.enrolment;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;
import eu.aiskills.academy.enrolment.internal.CredentialCertificate;
import eu.aiskills.academy.enrolment.internal.CredentialKeys;
import eu.aiskills.academy.enrolment.internal.CredentialRecords;
import eu.aiskills.academy.enrolment.internal.CredentialSigner;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform publishes so that anyone can check its credentials without it: the public
 * keys (the set, and each key at the URL credentials name in their {@code kid}), the revocation
 * status list (a W3C Bitstring Status List, itself a signed credential), and a credential's PDF
 * certificate with a QR code to its verification page. All public, like the verification page.
 */
@Service
public class CredentialDocuments {

    private final Credentials credentials;
    private final CredentialRecords records;
    private final CredentialKeys keys;
    private final CredentialSigner signer;
    private final CredentialCertificate certificates;
    private final EnrolmentProperties properties;
    private final Clock clock;

    CredentialDocuments(Credentials credentials, CredentialRecords records, CredentialKeys keys, CredentialSigner signer,
                        CredentialCertificate certificates, EnrolmentProperties properties, Clock clock) {
        this.credentials = credentials;
        this.records = records;
        this.keys = keys;
        this.signer = signer;
        this.certificates = certificates;
        this.properties = properties;
        this.clock = clock;
    }

    /** The public keys that verify the platform's credentials (a JSON Web Key Set); each {@code kid} is the key's URL. */
    @PermitAll
    public String publicKeys() {
        return keys.publicKeys(properties.base()).toString();
    }

    /** One public key (its id short or as its URL), as JSON; empty when there is no such key. */
    @PermitAll
    public Optional<String> publicKey(String keyId) {
        return keys.published(properties.base(), keyId).map(ECKey::toJSONString);
    }

    /**
     * The revocation status list, as a credential of its own signed by the platform (a
     * {@code BitstringStatusListCredential}, VC-JWT): what an outside verifier fetches from a
     * credential's {@code credentialStatus} to learn whether it was revoked. Made fresh on every
     * request, so a revocation shows at once.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public String statusList() {
        return signer.statusListCredential(clock.instant());
    }

    /** Whether this server can make PDF certificates (their font is installed). */
    @PermitAll
    public boolean certificatesAvailable() {
        return certificates.available();
    }

    /**
     * The credential as a PDF certificate with a QR code to its verification page, labels in
     * {@code locale}. Refused with {@code credential.certificate-unavailable} where the
     * certificate's font is not installed.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public byte[] certificate(CredentialId id, Locale locale) {
        CredentialSummary credential = records.findById(id.value()).filter(c -> !c.jwt().isEmpty()).map(c -> c.toSummary())
                .orElseThrow(() -> new NotFoundException("credential.not-found"));
        if (!certificates.available()) {
            throw new UserFacingException("credential.certificate-unavailable");
        }
        return certificates.render(credential, properties.issuerName(), properties.base() + "/credentials/" + id.value(),
                credentials.json(id), locale);
    }
}
