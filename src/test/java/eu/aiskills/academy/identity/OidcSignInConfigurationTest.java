package eu.aiskills.academy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With a provider configured through Spring Boot's standard properties, the sign-in page offers
 * it and the authorisation request goes to the provider (authorisation code flow with state and nonce).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.eu-login.client-id=academy",
        "spring.security.oauth2.client.registration.eu-login.client-secret=test-only-secret",
        "spring.security.oauth2.client.registration.eu-login.client-name=EU Login",
        "spring.security.oauth2.client.registration.eu-login.scope=openid,email,profile",
        "spring.security.oauth2.client.registration.eu-login.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.eu-login.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.eu-login.authorization-uri=https://idp.example.eu/authorize",
        "spring.security.oauth2.client.provider.eu-login.token-uri=https://idp.example.eu/token",
        "spring.security.oauth2.client.provider.eu-login.jwk-set-uri=https://idp.example.eu/jwks",
        "spring.security.oauth2.client.provider.eu-login.user-info-uri=https://idp.example.eu/userinfo",
        "spring.security.oauth2.client.provider.eu-login.user-name-attribute=sub"})
@ActiveProfiles("test")
class OidcSignInConfigurationTest {

    @LocalServerPort
    int port;

    @Test
    void startsTheAuthorisationCodeFlowAtTheProvider() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/eu-login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://idp.example.eu/authorize?")
                .contains("response_type=code", "client_id=academy", "scope=openid%20email%20profile", "state=", "nonce=")
                .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/eu-login");
    }

    @Test
    void aFailedProviderSignInReturnsToTheSignInPageWithAnExplanation() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login/oauth2/code/eu-login?code=x&state=forged")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=external");
    }
}
