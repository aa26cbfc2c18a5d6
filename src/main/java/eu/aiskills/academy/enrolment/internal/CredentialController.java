package eu.aiskills.academy.enrolment.internal;

import java.util.UUID;

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
 * Credentials for machines: the signed token (VC-JWT), its JSON content, and the public keys
 * that verify it. Public, like the verification page: a credential's id is its share link.
 */
@RestController
class CredentialController {

    private final Credentials credentials;

    CredentialController(Credentials credentials) {
        this.credentials = credentials;
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
        return credentials.publicKeys();
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
