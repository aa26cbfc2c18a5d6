package eu.aiskills.academy.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Jupyter notebook (nbformat 4) read for display: its cells in order with their source and
 * the outputs saved with them (text, errors, PNG images). Reading is bounded (size, nesting,
 * string length); nothing in a notebook is run or trusted.
 */
public record Notebook(String language, List<Cell> cells) {

    /** Largest notebook shown (bytes); larger ones are offered for download only. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength((int) MAX_BYTES).build()).build()).build();

    public Notebook {
        cells = List.copyOf(cells);
    }

    public enum CellType { MARKDOWN, CODE, RAW }

    /** One cell: its type, source text and saved outputs. */
    public record Cell(CellType type, String source, List<Output> outputs) {
        public Cell {
            outputs = List.copyOf(outputs);
        }
    }

    /** A saved output: text (stream or plain result), an error with its traceback, or a PNG image (base64). */
    public record Output(String text, boolean error, String pngBase64) {
    }

    /** Reads a notebook of at most {@link #MAX_BYTES}; a file that is not one is refused with a message key. */
    public static Notebook read(InputStream in) {
        JsonNode root;
        try (InputStream bounded = in) {
            byte[] bytes = bounded.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new UserFacingException("notebook.too-large", MAX_BYTES / (1024 * 1024));
            }
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UserFacingException("notebook.unreadable");
        }
        if (root == null || !root.isObject() || !root.path("cells").isArray()) {
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
            List<Output> outputs = new ArrayList<>();
            for (JsonNode output : cell.path("outputs")) {
                switch (output.path("output_type").asString("")) {
                    case "stream" -> outputs.add(new Output(text(output.path("text")), "stderr".equals(output.path("name").asString()), null));
                    case "error" -> outputs.add(new Output(ANSI.matcher(output.path("ename").asString("") + ": "
                            + output.path("evalue").asString("") + "\n" + lines(output.path("traceback"))).replaceAll(""), true, null));
                    case "execute_result", "display_data" -> {
                        JsonNode data = output.path("data");
                        String png = data.path("image/png").isString() ? data.path("image/png").asString().replaceAll("\\s", "") : null;
                        if (png != null && png.matches("[A-Za-z0-9+/=]+")) {
                            outputs.add(new Output(null, false, png));
                        } else if (data.has("text/plain")) {
                            outputs.add(new Output(text(data.path("text/plain")), false, null));
                        }
                    }
                    default -> { }
                }
            }
            cells.add(new Cell(type, text(cell.path("source")), outputs));
        }
        return new Notebook(language, cells);
    }

    /** A traceback: a list of lines without their line ends. */
    private static String lines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        node.forEach(line -> lines.add(line.asString("")));
        return String.join("\n", lines);
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
}
