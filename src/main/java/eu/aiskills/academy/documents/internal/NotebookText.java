package eu.aiskills.academy.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The text of a Jupyter notebook (nbformat 4): each cell's source, and the text of its outputs
 * (streams and {@code text/plain} results), read as a stream so that memory stays bounded
 * whatever the notebook's size. Nothing in the notebook is run.
 */
@Component
class NotebookText {

    private final JsonMapper json = JsonMapper.builder().build();

    TextExtraction.Result extract(Path file, int maxChars) throws IOException {
        StringBuilder text = new StringBuilder();
        boolean truncated = false;
        try (InputStream in = Files.newInputStream(file); JsonParser parser = json.createParser(in)) {
            int depth = 0;
            String field = null;
            boolean collecting = false;
            int collectDepth = -1;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (!collecting && isTextField(field) && token == JsonToken.START_ARRAY) {
                            collecting = true;
                            collectDepth = depth;
                        }
                        if (depth > 64) {
                            throw new IOException("Notebook nested too deeply");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (collecting && depth == collectDepth) {
                            collecting = false;
                            text.append('\n');
                        }
                        depth--;
                    }
                    case PROPERTY_NAME -> field = parser.currentName();
                    case VALUE_STRING -> {
                        if (collecting || isTextField(field)) {
                            String value = parser.getString();
                            if (text.length() + value.length() > maxChars) {
                                text.append(value, 0, Math.max(0, maxChars - text.length()));
                                truncated = true;
                                return new TextExtraction.Result(text.toString(), true, null, null, null, null);
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
        }
        return new TextExtraction.Result(text.toString(), truncated, null, null, null, null);
    }

    private static boolean isTextField(String field) {
        return "source".equals(field) || "text".equals(field) || "text/plain".equals(field);
    }
}
