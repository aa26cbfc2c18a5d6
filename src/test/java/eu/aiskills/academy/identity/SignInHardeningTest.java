package eu.aiskills.academy.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-in over real HTTP: repeated wrong passwords lock the address for a while with the same
 * message as a wrong password, whether the account exists or not; the lock lifts by itself; the
 * content security policy is on every page; HSTS is sent for HTTPS, also when a proxy in front
 * says the request came in over HTTPS (as in production).
 */
@AcademyWebTest
@TestPropertySource(properties = {"academy.security.sign-in.max-failures=3", "academy.security.sign-in.lock=3s",
        "server.forward-headers-strategy=native"})
class SignInHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;

    @Test
    void repeatedWrongPasswordsLockTheAddressForAWhileAlikeWithOrWithoutAnAccount() throws Exception {
        People.create(registration, "locked-out@example.org", "Lou Locked", Role.STUDENT);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(signIn("locked-out@example.org", "wrong-" + attempt)).endsWith("/login?error");
        }
        assertThat(signIn("Locked-Out@Example.org", "Tram-Gravel-Orbit-7")).as("locked, whatever the case of the address, even for"
                + " the right password").matches(".*/login\\?error=locked&minutes=\\d+");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(signIn("nobody@example.org", "guess-" + attempt)).as("no account: the same answer").endsWith("/login?error");
        }
        assertThat(signIn("nobody@example.org", "guess")).as("no account: locked all the same")
                .matches(".*/login\\?error=locked&minutes=\\d+");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> !signIn("locked-out@example.org", "Tram-Gravel-Orbit-7").contains("error"));
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndHttpsRequestsHsts() throws Exception {
        HttpResponse<String> page = get("/courses", false);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'");
        String scripts = java.util.Arrays.stream(page.headers().firstValue("Content-Security-Policy").orElseThrow().split(";"))
                .map(String::strip).filter(directive -> directive.startsWith("script-src ")).findFirst().orElseThrow();
        assertThat(scripts).doesNotContain("'unsafe-inline'").containsPattern("'nonce-[A-Za-z0-9+/]{24}'");
        String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
        // Every script of the page carries this response's nonce, and the next response has another.
        var document = org.jsoup.Jsoup.parse(page.body());
        assertThat(document.select("script:not([type*=json])")).isNotEmpty().allSatisfy(script -> assertThat(script.attr("nonce")).isEqualTo(nonce));
        assertThat(get("/courses", false).headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain(nonce);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        HttpResponse<String> behindProxy = get("/courses", true);
        assertThat(behindProxy.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
    }

    private HttpResponse<String> get(String path, boolean forwardedHttps) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (forwardedHttps) {
            request.header("X-Forwarded-Proto", "https");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with a fresh session; returns where the sign-in sends the browser. */
    private String signIn(String email, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
