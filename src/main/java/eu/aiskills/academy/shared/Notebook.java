package eu.aiskills.academy.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Jupyter notebook (nbformat 4), and the platform's one reader and writer of the format: the
 * catalogue shows notebooks, labs run and save them, documents index their text. Its cells in
 * order with their ids, tags, source, execution count and the outputs saved with them (streams,
 * results and displays with their text, HTML and PNG, errors with their traceback). Reading is
 * bounded (size, nesting, string length); nothing in a notebook is run or trusted. What a module
 * adds (the labs' cell limits and locked cells) it checks on the cells read here.
 */
public record Notebook(String language, List<Cell> cells) {

    /** Largest notebook shown (bytes); larger ones are offered for download only. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=]+");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength((int) MAX_BYTES).build()).build()).build();

    public Notebook {
        cells = List.copyOf(cells);
    }

    public enum CellType { MARKDOWN, CODE, RAW }

    public enum OutputType { STREAM, RESULT, DISPLAY, ERROR }

    /** One cell: its id (as written, possibly blank), type, source, tags, execution count (or null) and saved outputs. */
    public record Cell(String id, CellType type, String source, List<String> tags, Integer executionCount, List<Output> outputs) {
        public Cell {
            tags = List.copyOf(tags);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * A saved output. {@code name} is the stream's name ({@code stdout}, {@code stderr}) or the
     * error's class; {@code text} the stream's text, the result's {@code text/plain}, or the error's
     * value and traceback (without ANSI colours); {@code html}, {@code pngBase64} and {@code latex}
     * a result's other representations, the PNG only when it is plain base64.
     */
    public record Output(OutputType type, String name, String text, String html, String pngBase64, String latex) {

        /** An error, or text written to standard error. */
        public boolean error() {
            return type == OutputType.ERROR || type == OutputType.STREAM && "stderr".equals(name);
        }
    }

    /** Reads a notebook of at most {@link #MAX_BYTES}; a file that is not one is refused with a message key. */
    public static Notebook read(InputStream in) {
        try (InputStream bounded = in) {
            byte[] bytes = bounded.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new UserFacingException("notebook.too-large", MAX_BYTES / (1024 * 1024));
            }
            return parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a notebook held as text (a saved revision, a lab's file); the caller bounds its length. */
    public static Notebook read(String text) {
        return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Notebook parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new UserFacingException("notebook.unreadable");
        }
        if (root == null || !root.isObject() || !root.path("cells").isArray()
                || root.has("nbformat") && root.path("nbformat").asInt(0) != 4) {
            throw new UserFacingException("notebook.unreadable");
        }
        String language = root.path("metadata").path("kernelspec").path("language").asString("python");
        List<Cell> cells = new ArrayList<>();
        for (JsonNode cell : root.path("cells")) {
            CellType type = switch (cell.path("cell_type").asString("")) {
                case "markdown" -> CellType.MARKDOWN;
                case "code" -> CellType.CODE;
                default -> CellType.RAW;
            };
            List<String> tags = new ArrayList<>();
            cell.path("metadata").path("tags").forEach(tag -> tags.add(tag.asString("")));
            List<Output> outputs = new ArrayList<>();
            for (JsonNode output : cell.path("outputs")) {
                Output read = output(output);
                if (read != null) {
                    outputs.add(read);
                }
            }
            JsonNode count = cell.path("execution_count");
            cells.add(new Cell(cell.path("id").asString(""), type, text(cell.path("source")), tags,
                    count.isNumber() ? count.asInt() : null, outputs));
        }
        return new Notebook(language, cells);
    }

    /** One saved output, or null for kinds not shown (widgets and the like). */
    private static Output output(JsonNode output) {
        return switch (output.path("output_type").asString("")) {
            case "stream" -> new Output(OutputType.STREAM, output.path("name").asString("stdout"), text(output.path("text")), null, null, null);
            case "error" -> {
                List<String> lines = new ArrayList<>();
                output.path("traceback").forEach(line -> lines.add(line.asString("")));
                yield new Output(OutputType.ERROR, output.path("ename").asString(""),
                        output.path("evalue").asString("") + "\n" + plain(String.join("\n", lines)), null, null, null);
            }
            case "execute_result", "display_data" -> {
                JsonNode data = output.path("data");
                String png = data.path("image/png").isString() ? data.path("image/png").asString().replaceAll("\\s", "") : null;
                yield new Output("execute_result".equals(output.path("output_type").asString()) ? OutputType.RESULT : OutputType.DISPLAY,
                        null, data.has("text/plain") ? text(data.path("text/plain")) : null,
                        data.has("text/html") ? text(data.path("text/html")) : null,
                        png != null && BASE64.matcher(png).matches() ? png : null,
                        data.has("text/latex") ? text(data.path("text/latex")) : null);
            }
            default -> null;
        };
    }

    /** The notebook as nbformat 4.5 JSON, its language Python. */
    public String write() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode written = root.putArray("cells");
        for (Cell cell : cells) {
            ObjectNode node = written.addObject();
            node.put("cell_type", switch (cell.type()) {
                case MARKDOWN -> "markdown";
                case CODE -> "code";
                case RAW -> "raw";
            });
            node.put("id", cell.id());
            ObjectNode metadata = node.putObject("metadata");
            if (!cell.tags().isEmpty()) {
                ArrayNode tags = metadata.putArray("tags");
                cell.tags().forEach(tags::add);
            }
            node.put("source", cell.source());
            if (cell.type() == CellType.CODE) {
                if (cell.executionCount() == null) {
                    node.putNull("execution_count");
                } else {
                    node.put("execution_count", cell.executionCount());
                }
                ArrayNode outputs = node.putArray("outputs");
                cell.outputs().forEach(output -> write(output, cell, outputs.addObject()));
            }
        }
        ObjectNode metadata = root.putObject("metadata");
        metadata.putObject("kernelspec").put("display_name", "Python 3").put("language", "python").put("name", "python3");
        metadata.putObject("language_info").put("name", "python");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void write(Output output, Cell cell, ObjectNode out) {
        switch (output.type()) {
            case STREAM -> out.put("output_type", "stream").put("name", output.name()).put("text", output.text());
            case ERROR -> {
                int split = output.text().indexOf('\n');
                out.put("output_type", "error").put("ename", output.name())
                        .put("evalue", split < 0 ? output.text() : output.text().substring(0, split));
                ArrayNode traceback = out.putArray("traceback");
                if (split >= 0) {
                    output.text().substring(split + 1).lines().forEach(traceback::add);
                }
            }
            case RESULT, DISPLAY -> {
                out.put("output_type", output.type() == OutputType.RESULT ? "execute_result" : "display_data");
                if (output.type() == OutputType.RESULT) {
                    out.put("execution_count", cell.executionCount() == null ? 0 : cell.executionCount());
                }
                ObjectNode data = out.putObject("data");
                if (output.text() != null) {
                    data.put("text/plain", output.text());
                }
                if (output.html() != null) {
                    data.put("text/html", output.html());
                }
                if (output.pngBase64() != null) {
                    data.put("image/png", output.pngBase64());
                }
                if (output.latex() != null) {
                    data.put("text/latex", output.latex());
                }
                out.putObject("metadata");
            }
        }
    }

    /**
     * The text of a notebook for indexing: each cell's source and the text of its outputs (streams
     * and {@code text/plain} results), read as a stream so that memory stays bounded whatever the
     * notebook's size. At most {@code maxChars}; {@link Text#truncated()} says whether more was left.
     */
    public static Text text(InputStream in, int maxChars) throws IOException {
        StringBuilder text = new StringBuilder();
        try (JsonParser parser = JSON.createParser(in)) {
            int depth = 0;
            String field = null;
            int collectDepth = -1;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (collectDepth < 0 && isTextField(field) && token == JsonToken.START_ARRAY) {
                            collectDepth = depth;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (depth == collectDepth) {
                            collectDepth = -1;
                            text.append('\n');
                        }
                        depth--;
                    }
                    case PROPERTY_NAME -> field = parser.currentName();
                    case VALUE_STRING -> {
                        boolean collecting = collectDepth >= 0;
                        if (collecting || isTextField(field)) {
                            String value = parser.getString();
                            if (text.length() + value.length() > maxChars) {
                                text.append(value, 0, Math.max(0, maxChars - text.length()));
                                return new Text(text.toString(), true);
                            }
                            text.append(value);
                            if (!collecting) {
                                text.append('\n');
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JacksonException e) {
            throw new IOException("Not a notebook: " + e.getOriginalMessage(), e);
        }
        return new Text(text.toString(), false);
    }

    /** A notebook's indexable text, and whether it was cut at the limit. */
    public record Text(String text, boolean truncated) {
    }

    private static boolean isTextField(String field) {
        return "source".equals(field) || "text".equals(field) || "text/plain".equals(field);
    }

    /** nbformat stores text as a string or as a list of lines. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(line -> joined.append(line.asString("")));
            return joined.toString();
        }
        return node.asString("");
    }

    /** Without IPython's ANSI colours. */
    public static String plain(String text) {
        return ANSI.matcher(text).replaceAll("");
    }
}
