package eu.aiskills.academy.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a file really is, decided by its content (magic numbers, container structure): a renamed
 * program is a program whatever its name says. The name only refines plain text (Markdown); a
 * Jupyter notebook is recognised by its JSON structure.
 */
@Component
class ContentInspection {

    static final String NOTEBOOK = "application/x-ipynb+json";
    /** What Tika calls a Word, PowerPoint or Excel file encrypted with a password. */
    static final String PROTECTED_OFFICE = "application/x-tika-ooxml-protected";

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
    private final JsonMapper json = JsonMapper.builder().build();

    String detect(Path file, String fileName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, metadata).getBaseType().toString();
        }
        // A notebook is JSON, which detection may call plain text: its structure decides, whatever its name.
        if ((type.equals(NOTEBOOK) || type.equals("application/json") || type.equals("text/plain"))
                && looksLikeNotebook(file)) {
            return NOTEBOOK;
        }
        if (type.equals(NOTEBOOK)) {
            return "application/json";
        }
        return type;
    }

    /**
     * A short human name of a media type: Tika's description ("Microsoft Word 97-2003 Document"),
     * else its usual file extension with the type ("DLL, application/x-msdownload"), else the type.
     */
    String describe(String mediaType) {
        try {
            MimeType type = MimeTypes.getDefaultMimeTypes().forName(mediaType);
            if (type.getDescription() != null && !type.getDescription().isBlank()) {
                return type.getDescription();
            }
            String extension = type.getExtension();
            return extension == null || extension.isBlank() ? mediaType
                    : extension.substring(1).toUpperCase(Locale.ROOT) + ", " + mediaType;
        } catch (MimeTypeException e) {
            return mediaType;
        }
    }

    /** A JSON object with an {@code nbformat} number and a {@code cells} array at its top level. */
    private boolean looksLikeNotebook(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean format = false;
            boolean cells = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("nbformat".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    format = true;
                } else if ("cells".equals(name) && value == JsonToken.START_ARRAY) {
                    cells = true;
                }
                parser.skipChildren();
            }
            return format && cells;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
