package eu.aiskills.academy.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's User-Agent as a person recognises it ("Firefox 133 on Windows"). The order of the
 * checks matters: Edge and Opera also say Chrome, Chrome also says Safari.
 */
final class Browsers {

    private static final Pattern[] BROWSERS = {
        Pattern.compile("(Edg)/(\\d+)"), Pattern.compile("(OPR)/(\\d+)"), Pattern.compile("(Firefox)/(\\d+)"),
        Pattern.compile("(Chrome)/(\\d+)"), Pattern.compile("Version/(\\d+).*(Safari)/")
    };

    private Browsers() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String browser = null;
        for (Pattern pattern : BROWSERS) {
            Matcher m = pattern.matcher(userAgent);
            if (m.find()) {
                browser = switch (m.group(1)) {
                    case "Edg" -> "Edge " + m.group(2);
                    case "OPR" -> "Opera " + m.group(2);
                    case "Firefox", "Chrome" -> m.group(1) + " " + m.group(2);
                    default -> "Safari " + m.group(1);
                };
                break;
            }
        }
        String system = userAgent.contains("Android") ? "Android" : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows" : userAgent.contains("Mac OS X") ? "macOS" : userAgent.contains("Linux") ? "Linux"
                : null;
        if (browser == null) {
            browser = userAgent.length() > 40 ? userAgent.substring(0, 40) + "…" : userAgent;
        }
        return system == null ? browser : browser + " · " + system;
    }
}
