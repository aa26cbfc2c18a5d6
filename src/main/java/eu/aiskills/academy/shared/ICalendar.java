package eu.aiskills.academy.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal iCalendar (RFC 5545) writer for the events the platform publishes: all-day spans
 * and moments, with text escaped (§3.3.11) and lines folded at 75 octets (§3.1). See ADR 0010
 * for why this is written here rather than taken from a library.
 */
public final class ICalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    public ICalendar(String productId) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:" + text(productId));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
    }

    /** An all-day event from {@code first} to {@code last}, both included. */
    public ICalendar days(String uid, Instant stamp, LocalDate first, LocalDate last, String summary, String description,
                   String location, String url) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART;VALUE=DATE:" + DATE.format(first));
        line("DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
        common(summary, description, location, url);
        return this;
    }

    /** An event at one moment (a deadline). */
    public ICalendar moment(String uid, Instant stamp, Instant at, String summary, String description, String url) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(at));
        line("DTEND:" + UTC.format(at));
        common(summary, description, null, url);
        return this;
    }

    /** A timed event from {@code start} to {@code end}. */
    public ICalendar span(String uid, Instant stamp, Instant start, Instant end, String summary, String description,
                          String location, String url) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(end));
        common(summary, description, location, url);
        return this;
    }

    private void common(String summary, String description, String location, String url) {
        line("SUMMARY:" + text(summary));
        if (description != null) {
            line("DESCRIPTION:" + text(description));
        }
        if (location != null) {
            line("LOCATION:" + text(location));
        }
        if (url != null) {
            line("URL:" + url.replaceAll("[\\r\\n]", ""));
        }
        line("END:VEVENT");
    }

    public String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
    public static String text(String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> { }
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Writes one content line, folded so that no line exceeds 75 octets, never inside a character. */
    private void line(String content) {
        int octets = 0;
        int start = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append(content, start, i).append("\r\n ");
                start = i;
                octets = 1;
            }
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(content, start, content.length()).append("\r\n");
    }
}
