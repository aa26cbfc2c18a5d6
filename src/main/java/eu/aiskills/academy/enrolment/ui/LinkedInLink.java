package eu.aiskills.academy.enrolment.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import eu.aiskills.academy.enrolment.CredentialSummary;

/**
 * LinkedIn's "Add to profile" link for a certification: the credential's name, its issuer, the
 * month it was issued, the address of its verification page and its id, as LinkedIn's documented
 * add-to-profile parameters; LinkedIn opens the holder's profile with the certification filled in.
 */
final class LinkedInLink {

    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedInLink() {
    }

    static String of(CredentialSummary credential, String issuerName, String verifyUrl) {
        ZonedDateTime issued = credential.issuedAt().atZone(ZoneOffset.UTC);
        return ADD_TO_PROFILE + "?startTask=CERTIFICATION_NAME"
                + "&name=" + encode(credential.achievementName())
                + "&organizationName=" + encode(issuerName)
                + "&issueYear=" + issued.getYear()
                + "&issueMonth=" + issued.getMonthValue()
                + "&certUrl=" + encode(verifyUrl)
                + "&certId=" + encode(credential.id().value().toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
