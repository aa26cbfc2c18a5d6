package eu.aiskills.academy.labs.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a program coloured with ANSI escape sequences (SGR: bold, italic, underline, the 16
 * terminal colours, 256 colours and 24-bit colour, as IPython, tqdm, pytest and rich write them),
 * as HTML: the text escaped, each run of one style in a {@code span}. The 16 colours are classes
 * ({@code ansi-fg-1}), themed in {@code academy.css} with enough contrast on the light and dark
 * backgrounds; other colours are inline styles built from numbers only. Every other escape
 * sequence (cursor moves, titles) is dropped. The result holds no markup but these spans.
 */
final class AnsiText {

    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[([0-9;]*)([A-Za-z])|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[()*+][0-9A-Za-z]|\u001B[^\\[\\]]?");

    private AnsiText() {
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        Style style = new Style();
        Matcher escape = ESCAPE.matcher(text);
        int at = 0;
        while (escape.find()) {
            style.write(out, text.substring(at, escape.start()));
            if ("m".equals(escape.group(2))) {
                style = style.apply(escape.group(1));
            }
            at = escape.end();
        }
        style.write(out, text.substring(at));
        return out.toString();
    }

    /** The style in force: colours as a class index (0–15), or an inline CSS colour, or none. */
    private static final class Style {

        private boolean bold;
        private boolean italic;
        private boolean underline;
        private int foreground = -1;
        private int background = -1;
        private String foregroundCss;
        private String backgroundCss;

        Style apply(String parameters) {
            String[] codes = parameters.isEmpty() ? new String[] {"0"} : parameters.split(";", -1);
            Style next = copy();
            for (int i = 0; i < codes.length; i++) {
                int code = number(codes[i]);
                switch (code) {
                    case 0 -> next = new Style();
                    case 1 -> next.bold = true;
                    case 3 -> next.italic = true;
                    case 4 -> next.underline = true;
                    case 22 -> next.bold = false;
                    case 23 -> next.italic = false;
                    case 24 -> next.underline = false;
                    case 39 -> next.colour(true, -1, null);
                    case 49 -> next.colour(false, -1, null);
                    case 38, 48 -> {
                        String css = null;
                        if (i + 2 < codes.length && number(codes[i + 1]) == 5) {
                            css = palette(number(codes[i + 2]));
                            i += 2;
                        } else if (i + 4 < codes.length && number(codes[i + 1]) == 2) {
                            css = rgb(number(codes[i + 2]), number(codes[i + 3]), number(codes[i + 4]));
                            i += 4;
                        }
                        next.colour(code == 38, -1, css);
                    }
                    default -> {
                        if (code >= 30 && code <= 37 || code >= 90 && code <= 97) {
                            next.colour(true, code % 10 + (code >= 90 ? 8 : 0), null);
                        } else if (code >= 40 && code <= 47 || code >= 100 && code <= 107) {
                            next.colour(false, code % 10 + (code >= 100 ? 8 : 0), null);
                        }
                    }
                }
            }
            return next;
        }

        private void colour(boolean fore, int index, String css) {
            if (fore) {
                foreground = index;
                foregroundCss = css;
            } else {
                background = index;
                backgroundCss = css;
            }
        }

        void write(StringBuilder out, String text) {
            if (text.isEmpty()) {
                return;
            }
            StringBuilder classes = new StringBuilder();
            if (bold) {
                classes.append(" ansi-bold");
            }
            if (italic) {
                classes.append(" ansi-italic");
            }
            if (underline) {
                classes.append(" ansi-underline");
            }
            if (foreground >= 0) {
                classes.append(" ansi-fg-").append(foreground);
            }
            if (background >= 0) {
                classes.append(" ansi-bg-").append(background);
            }
            String css = (foregroundCss == null ? "" : "color:" + foregroundCss + ";")
                    + (backgroundCss == null ? "" : "background-color:" + backgroundCss + ";");
            boolean styled = !classes.isEmpty() || !css.isEmpty();
            if (styled) {
                out.append("<span");
                if (!classes.isEmpty()) {
                    out.append(" class=\"").append(classes.substring(1)).append('"');
                }
                if (!css.isEmpty()) {
                    out.append(" style=\"").append(css).append('"');
                }
                out.append('>');
            }
            escape(out, text);
            if (styled) {
                out.append("</span>");
            }
        }

        private Style copy() {
            Style copy = new Style();
            copy.bold = bold;
            copy.italic = italic;
            copy.underline = underline;
            copy.foreground = foreground;
            copy.background = background;
            copy.foregroundCss = foregroundCss;
            copy.backgroundCss = backgroundCss;
            return copy;
        }
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    private static int number(String code) {
        try {
            return code.isEmpty() ? 0 : Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The xterm 256-colour palette: 16 terminal colours (as classes), a 6×6×6 cube, 24 greys. */
    private static String palette(int index) {
        if (index < 0 || index > 255) {
            return null;
        }
        if (index < 16) {
            return "var(--academy-ansi-" + index + ")";
        }
        if (index >= 232) {
            int grey = 8 + (index - 232) * 10;
            return rgb(grey, grey, grey);
        }
        int cube = index - 16;
        int[] steps = {0, 95, 135, 175, 215, 255};
        return rgb(steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6]);
    }

    private static String rgb(int red, int green, int blue) {
        if (red < 0 || red > 255 || green < 0 || green > 255 || blue < 0 || blue > 255) {
            return null;
        }
        return String.format("#%02x%02x%02x", red, green, blue);
    }
}
