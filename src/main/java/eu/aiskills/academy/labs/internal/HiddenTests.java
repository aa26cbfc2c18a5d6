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
 * after the learner's cells when a submission is graded. In the other code cells, the lines
 * between {@code ### BEGIN SOLUTION} and {@code ### END SOLUTION} are the instructor's answer:
 * learners get, at the same indentation, {@code # YOUR CODE HERE} and
 * {@code raise NotImplementedError()} in their place, as nbgrader writes it.
 */
public final class HiddenTests {

    public static final String TAG = "hidden-test";
    static final String BEGIN_SOLUTION = "### BEGIN SOLUTION";
    static final String END_SOLUTION = "### END SOLUTION";
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
        List<LabNotebook.Cell> kept = new ArrayList<>();
        for (int i = 0; i < all.cells().size(); i++) {
            LabNotebook.Cell cell = all.cells().get(i);
            if (!hidden.contains(cell.id())) {
                kept.add(cell.kind() == LabNotebook.Kind.CODE ? cell.withSource(withoutSolutions(cell.source(), i + 1)) : cell);
            }
        }
        return new Split(all.withCells(kept), checks);
    }

    /**
     * A code cell's source with each solution region replaced by the placeholder learners fill in,
     * at the region's indentation; a region begun and not ended (or ended and not begun) is refused
     * with the cell's number, as the learner would otherwise be handed the answer.
     */
    static String withoutSolutions(String source, int cellNumber) {
        if (!source.contains(BEGIN_SOLUTION) && !source.contains(END_SOLUTION)) {
            return source;
        }
        List<String> learners = new ArrayList<>();
        boolean inSolution = false;
        for (String line : source.split("\n", -1)) {
            String marker = line.strip();
            if (marker.equals(BEGIN_SOLUTION)) {
                if (inSolution) {
                    throw new UserFacingException("lab.authoring.solution-unclosed", cellNumber);
                }
                inSolution = true;
                String indent = line.substring(0, line.indexOf('#'));
                learners.add(indent + "# YOUR CODE HERE");
                learners.add(indent + "raise NotImplementedError()");
            } else if (marker.equals(END_SOLUTION)) {
                if (!inSolution) {
                    throw new UserFacingException("lab.authoring.solution-unclosed", cellNumber);
                }
                inSolution = false;
            } else if (!inSolution) {
                learners.add(line);
            }
        }
        if (inSolution) {
            throw new UserFacingException("lab.authoring.solution-unclosed", cellNumber);
        }
        return String.join("\n", learners);
    }
}
