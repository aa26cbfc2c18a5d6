package eu.aiskills.academy.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.OpenBadgesSchema;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What an outside verifier sees, checked with Nimbus JOSE+JWT over HTTP (not the platform's own
 * verifier): the credential's signature against the key its {@code kid} URL serves and against the
 * published key set, its evidence, and its revocation through the W3C Bitstring Status List, which
 * is a signed credential of its own; after the administrator revokes, the list says so. The
 * credential validates against the Open Badges 3.0 JSON schema.
 */
@AcademyWebTest
class CredentialStatusTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Credentials credentials;
    @Autowired
    EnrolmentProperties properties;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void anOutsideVerifierChecksTheSignatureAndTheStatusListAndSeesTheRevocation() throws Exception {
        String learner = KaribuSupport.person(context, "status-" + UUID.randomUUID() + "@academy.test", "Stan Status", Role.STUDENT);
        String course = "status-course-" + UUID.randomUUID().toString().substring(0, 8);
        TestCourses courses = new TestCourses(content, context);
        courses.course(course).lessons(2).quizLastLesson().create();
        courses.complete(course, learner);
        CredentialSummary credential = await().atMost(Duration.ofSeconds(30)).until(() -> KaribuSupport.as(context, learner, credentials::mine)
                .stream().findFirst(), java.util.Optional::isPresent).orElseThrow();

        String jwt = get(properties.base() + "/credentials/" + credential.id().value() + "/credential.jwt");
        String kid = SignedJWT.parse(jwt).getHeader().getKeyID();
        assertThat(kid).startsWith(properties.base() + "/credentials/keys/");
        ECKey atKid = ECKey.parse(get(kid));
        JWKSet published = JWKSet.parse(get(properties.base() + "/.well-known/jwks.json"));
        assertThat(published.getKeyByKeyId(kid)).as("the key set names the key by the same URL").isEqualTo(atKid);
        assertThat(atKid.isPrivate()).isFalse();

        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(published)));
        JWTClaimsSet claims = verifier.process(jwt, null);
        assertThat(claims.getIssuer()).isEqualTo(properties.base());
        OpenBadgesSchema.assertValid(claims.toString());
        assertThat(OpenBadgesSchema.findings(claims.toString().replace("\"AchievementSubject\"", "\"Subject\"")))
                .as("the schema is strict enough to catch a wrong subject type").isNotEmpty();
        assertThat((List<?>) claims.getClaim("evidence")).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("genre")).isEqualTo("Quiz"))
                .anySatisfy(e -> assertThat(((Map<?, ?>) e).get("genre")).isEqualTo("Self-declared"));
        Map<String, Object> status = claims.getJSONObjectClaim("credentialStatus");
        assertThat(status).containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "revocation");
        int index = Integer.parseInt((String) status.get("statusListIndex"));
        String list = (String) status.get("statusListCredential");
        assertThat(status.get("id")).isEqualTo(list + "#" + index);
        assertThat(revoked(verifier, list, index)).as("valid: its bit is 0").isFalse();

        // The PDF certificate says who earned what and how, and its QR code leads to the verification page.
        String verifyPage = properties.base() + "/credentials/" + credential.id().value();
        String certificate = certificateText(verifyPage + "/certificate.pdf", verifyPage);
        assertThat(certificate).contains("Certificate", "Stan Status", "Course " + course, "Quiz: Quiz of " + course + " — 100 %",
                "Lessons read or marked done by the learner", verifyPage).doesNotContain("Revoked");
        assertThat(certificateText(verifyPage + "/certificate.pdf?lang=de", verifyPage)).contains("Zertifikat", "Hiermit wird bestätigt");

        KaribuSupport.as(context, "admin@academy.test", () -> credentials.revoke(credential.id(), "Issued in error"));
        assertThat(revoked(verifier, list, index)).as("revoked: its bit is 1").isTrue();
        assertThat(certificateText(verifyPage + "/certificate.pdf", verifyPage)).contains("Revoked on");
        assertThat(verifier.process(jwt, null).getJWTID()).as("the token itself is unchanged and still signed").isEqualTo(claims.getJWTID());
    }

    /** Fetches the status list credential, checks its signature, and reads the credential's bit. */
    private boolean revoked(DefaultJWTProcessor<SecurityContext> verifier, String listUrl, int index) throws Exception {
        JWTClaimsSet list = verifier.process(get(listUrl), null);
        assertThat(list.getStringListClaim("type")).contains("BitstringStatusListCredential");
        Map<String, Object> subject = list.getJSONObjectClaim("credentialSubject");
        assertThat(subject).containsEntry("type", "BitstringStatusList").containsEntry("statusPurpose", "revocation");
        String encoded = (String) subject.get("encodedList");
        assertThat(encoded).as("multibase base64url").startsWith("u");
        byte[] bits;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = in.readAllBytes();
        }
        assertThat(bits.length * 8).as("at least 131,072 entries").isGreaterThanOrEqualTo(131_072);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** The certificate's text, after checking that its QR code reads as {@code verifyPage}. */
    private String certificateText(String url, String verifyPage) throws Exception {
        String local = url.replace(properties.base(), "http://localhost:" + port);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(local)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(local).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
            assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
                    Boolean.TRUE)).getText()).as("the QR code").isEqualTo(verifyPage);
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    /** GET, at this test's server: the platform's base address in the credential is where a deployment serves it. */
    private String get(String url) throws Exception {
        String local = url.replace(properties.base(), "http://localhost:" + port);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(local).isEqualTo(200);
        return response.body();
    }
}
