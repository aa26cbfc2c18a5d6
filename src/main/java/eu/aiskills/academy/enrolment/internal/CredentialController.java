package eu.aiskills.academy.enrolment.internal;

import java.util.UUID;

import eu.aiskills.academy.enrolment.CredentialDocuments;
import eu.aiskills.academy.enrolment.CredentialId;
import eu.aiskills.academy.enrolment.Credentials;
import eu.aiskills.academy.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credentials for machines: the signed token (VC-JWT), its JSON content, the public keys that
 * verify it (the set, and each key at the URL its {@code kid} names), and the revocation status
 * list. Public, like the verification page: a credential's id is its share link.
 */
@RestController
class CredentialController {

    private final Credentials credentials;
    private final CredentialDocuments documents;

    CredentialController(Credentials credentials, CredentialDocuments documents) {
        this.credentials = credentials;
        this.documents = documents;
    }

    @GetMapping("/credentials/{id}/credential.jwt")
    ResponseEntity<String> token(@PathVariable String id) {
        return found(id, "jwt", new MediaType("application", "vc+jwt"), credentials::token);
    }

    @GetMapping("/credentials/{id}/credential.json")
    ResponseEntity<String> json(@PathVariable String id) {
        return found(id, "json", MediaType.APPLICATION_JSON, credentials::json);
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    String keys() {
        return documents.publicKeys();
    }

    /** The certificate (PDF with a QR code to the verification page), labels in {@code lang} (en, de, fr; default en). */
    @GetMapping("/credentials/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String id, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "en") String lang) {
        java.util.Locale locale = java.util.List.of("en", "de", "fr").contains(lang) ? java.util.Locale.forLanguageTag(lang) : java.util.Locale.ENGLISH;
        CredentialId credential;
        try {
            credential = new CredentialId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("certificate-" + credential.value() + ".pdf").build().toString())
                    .body(documents.certificate(credential, locale));
        } catch (NotFoundException e) {
            return ResponseEntity.notFound().build();
        } catch (eu.aiskills.academy.shared.UserFacingException e) {
            return ResponseEntity.status(503).build();
        }
    }

    /** One key, at the URL credentials name in their {@code kid}. */
    @GetMapping(CredentialKeys.KEYS_PATH + "{id}")
    ResponseEntity<String> key(@PathVariable String id) {
        return documents.publicKey(id).map(json -> ResponseEntity.ok().contentType(new MediaType("application", "jwk+json")).body(json))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The revocation status list credential (W3C Bitstring Status List), kept in caches for a minute at most. */
    @GetMapping(CredentialStatusList.PATH)
    ResponseEntity<String> statusList() {
        return ResponseEntity.ok().contentType(new MediaType("application", "vc+jwt"))
                .header(HttpHeaders.CACHE_CONTROL, "max-age=60").body(documents.statusList());
    }

    private static ResponseEntity<String> found(String id, String extension, MediaType type,
                                                java.util.function.Function<CredentialId, String> read) {
        CredentialId credential;
        try {
            credential = new CredentialId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        try {
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("credential-" + credential.value() + "." + extension).build().toString())
                    .body(read.apply(credential));
        } catch (NotFoundException e) {
            return ResponseEntity.notFound().build();
        }
    }
}
