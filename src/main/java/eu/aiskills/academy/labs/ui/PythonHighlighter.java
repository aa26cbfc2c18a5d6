package eu.aiskills.academy.labs.ui;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours Python source for reading: comments, strings, numbers, keywords and built-ins become
 * spans with a class; everything is HTML-escaped, so the result is safe to show. A tokenizer of a
 * few patterns, not a parser (see ADR 0007).
 */
final class PythonHighlighter {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>(?:[rbfRBF]{0,2})(?:\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'''[\\s\\S]*?(?:'''|$)|\"(?:\\\\.|[^\"\\\\\\n])*\"?|'(?:\\\\.|[^'\\\\\\n])*'?))"
                    + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?j?\\b)"
                    + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");
    private static final Set<String> BUILTINS = Set.of("print", "len", "range", "list", "dict", "set", "tuple", "int", "float",
            "str", "bool", "sum", "min", "max", "abs", "enumerate", "zip", "map", "filter", "sorted", "isinstance", "type", "open",
            "round", "any", "all", "super", "self");

    private PythonHighlighter() {
    }

    static String toHtml(String source) {
        StringBuilder html = new StringBuilder();
        Matcher m = TOKEN.matcher(source);
        int last = 0;
        while (m.find()) {
            html.append(escape(source.substring(last, m.start())));
            String text = m.group();
            String kind = m.group("comment") != null ? "comment" : m.group("string") != null ? "string"
                    : m.group("number") != null ? "number" : KEYWORDS.contains(text) ? "keyword" : BUILTINS.contains(text) ? "builtin" : null;
            if (kind == null) {
                html.append(escape(text));
            } else {
                html.append("<span class=\"py-").append(kind).append("\">").append(escape(text)).append("</span>");
            }
            last = m.end();
        }
        html.append(escape(source.substring(last)));
        return html.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
