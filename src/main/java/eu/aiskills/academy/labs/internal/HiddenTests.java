package eu.aiskills.academy.labs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.shared.UserFacingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * nbgrader-like authoring: in the notebook an instructor writes, code cells tagged
 * {@code hidden-test} are graded checks (points from the cell's metadata {@code points}, 10 when
 * absent; the name from its first comment line). They are taken out of what learners see and run
 * after the learner's cells when a submission is graded.
 */
public final class HiddenTests {

    public static final String TAG = "hidden-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The learners' notebook and the checks taken from it. */
    public record Split(LabNotebook learners, List<LabContentImport.Check> checks) {
    }

    private HiddenTests() {
    }

    public static Split split(String ipynb) {
        LabNotebook all = Ipynb.read(ipynb, 0);
        JsonNode root;
        try {
            root = JSON.readTree(ipynb);
        } catch (JacksonException e) {
            throw new UserFacingException("notebook.unreadable");
        }
        List<LabContentImport.Check> checks = new ArrayList<>();
        Set<String> hidden = new java.util.HashSet<>();
        int index = 0;
        for (JsonNode cell : root.path("cells")) {
            boolean tagged = false;
            for (JsonNode tag : cell.path("metadata").path("tags")) {
                tagged |= TAG.equals(tag.asString(""));
            }
            if (tagged && index < all.cells().size() && all.cells().get(index).kind() == LabNotebook.Kind.CODE) {
                LabNotebook.Cell parsed = all.cells().get(index);
                int points = cell.path("metadata").path("points").asInt(10);
                if (points < 1 || points > 100) {
                    throw new UserFacingException("lab.authoring.points", index + 1);
                }
                String name = parsed.source().lines().filter(l -> l.strip().startsWith("#")).findFirst()
                        .map(l -> l.strip().replaceFirst("^#+\\s*", "")).filter(n -> !n.isBlank())
                        .orElse("Check " + (checks.size() + 1));
                checks.add(new LabContentImport.Check(name.length() > 200 ? name.substring(0, 200) : name, points, parsed.source()));
                hidden.add(parsed.id());
            }
            index++;
        }
        LabNotebook learners = all.withCells(all.cells().stream().filter(c -> !hidden.contains(c.id())).toList());
        return new Split(learners, checks);
    }
}
