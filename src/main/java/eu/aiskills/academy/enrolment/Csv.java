package eu.aiskills.academy.enrolment;

/** CSV fields (RFC 4180) that spreadsheets open safely. */
final class Csv {

    private Csv() {
    }

    /**
     * Quotes a field when needed, doubling quotes; a leading =, +, - or @ is prefixed with an
     * apostrophe so that a spreadsheet never runs a learner's name as a formula.
     */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
