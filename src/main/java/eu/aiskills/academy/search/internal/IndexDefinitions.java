package eu.aiskills.academy.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.aiskills.academy.search.SearchProperties;
import eu.aiskills.academy.shared.ContentFiles;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index definitions of the repository's {@code search/} folder: for each index name, the
 * highest version's settings and mappings. A file whose name and {@code _meta} disagree is refused
 * at start-up, naming the file.
 */
@Component
class IndexDefinitions {

    private static final Pattern FILE = Pattern.compile("([a-z0-9][a-z0-9_-]*)\\.v([1-9][0-9]*)\\.json");

    /** One index definition. */
    record Definition(String name, int version, String json) {
    }

    private final Map<String, Definition> current = new TreeMap<>();

    IndexDefinitions(SearchProperties properties) {
        JsonMapper json = JsonMapper.builder().build();
        for (Resource file : ContentFiles.list(properties.definitions(), "*.json")) {
            Matcher name = FILE.matcher(file.getFilename() == null ? "" : file.getFilename());
            if (!name.matches()) {
                throw new IllegalStateException("Index definition " + file.getDescription()
                        + " must be named <index>.v<version>.json, for example catalogue.v2.json");
            }
            String text = new String(ContentFiles.read(file), StandardCharsets.UTF_8);
            JsonNode meta = json.readTree(text).path("mappings").path("_meta");
            int version = Integer.parseInt(name.group(2));
            if (!name.group(1).equals(meta.path("definition").asString(null)) || meta.path("version").asInt(-1) != version) {
                throw new IllegalStateException("Index definition " + file.getDescription()
                        + " must declare mappings._meta.definition=\"" + name.group(1) + "\" and _meta.version=" + version);
            }
            Definition definition = new Definition(name.group(1), version, text);
            current.merge(definition.name(), definition, (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    Definition get(String name) {
        Definition definition = current.get(name);
        if (definition == null) {
            throw new IllegalStateException("No index definition " + name + ".v<N>.json in search/");
        }
        return definition;
    }

    Collection<Definition> all() {
        return current.values();
    }
}
