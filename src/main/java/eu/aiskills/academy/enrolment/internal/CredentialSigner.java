package eu.aiskills.academy.enrolment.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.aiskills.academy.enrolment.EnrolmentProperties;
import org.springframework.stereotype.Component;

/**
 * Signs the platform's credentials as VC-JWT (Open Badges 3.0 §8.2: the payload is the
 * credential, with {@code iss}, {@code nbf}, {@code jti} and {@code sub} derived from it) with the
 * current key, whose URL is the header's {@code kid}; and makes the revocation status list's own
 * credential.
 */
@Component
public class CredentialSigner {

    private final CredentialKeys keys;
    private final CredentialStatusList statusList;
    private final EnrolmentProperties properties;

    CredentialSigner(CredentialKeys keys, CredentialStatusList statusList, EnrolmentProperties properties) {
        this.keys = keys;
        this.statusList = statusList;
        this.properties = properties;
    }

    /** A signed credential and the (short) id of the key that signed it. */
    public record Signed(String token, String keyId) {
    }

    public Signed sign(Map<String, Object> credential, String jti, String subject, Instant now) {
        ECKey key = keys.signing();
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(credential))
                    .issuer(properties.base())
                    .notBeforeTime(Date.from(now))
                    .jwtID(jti)
                    .subject(subject)
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                    .keyID(CredentialKeys.keyUrl(properties.base(), key.getKeyID())).jwk(key.toPublicJWK()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return new Signed(jwt.serialize(), key.getKeyID());
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Cannot sign credential " + jti, e);
        }
    }

    /** The {@code credentialStatus} entry of a credential at this position of the revocation list. */
    public Map<String, Object> statusEntry(int index) {
        String url = properties.base() + CredentialStatusList.PATH;
        return Map.of("id", url + "#" + index, "type", "BitstringStatusListEntry", "statusPurpose", "revocation",
                "statusListIndex", Integer.toString(index), "statusListCredential", url);
    }

    /** The revocation status list as a {@code BitstringStatusListCredential} of its own, signed now. */
    public String statusListCredential(Instant now) {
        String url = properties.base() + CredentialStatusList.PATH;
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", statusList.encodedList());
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        credential.put("id", url);
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", properties.base());
        credential.put("validFrom", now.toString());
        credential.put("credentialSubject", subject);
        return sign(credential, url, url + "#list", now).token();
    }
}
