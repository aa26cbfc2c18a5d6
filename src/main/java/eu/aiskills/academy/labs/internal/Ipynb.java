package eu.aiskills.academy.labs.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.shared.Notebook;
import eu.aiskills.academy.shared.UserFacingException;

/**
 * Lab notebooks to and from nbformat, through the platform's one reader and writer
 * ({@link Notebook}); what labs add is checked here: the size a learner may save, the number and
 * size of cells, unique cell ids, and set-up cells tagged {@code locked}.
 */
public final class Ipynb {

    /** The largest notebook a learner may save (outputs with images included). */
    public static final int MAX_CHARS = 8 * 1024 * 1024;
    private static final String LOCKED = "locked";

    private Ipynb() {
    }

    public static LabNotebook read(String text, int revision) {
        if (text == null || text.length() > MAX_CHARS) {
            throw new UserFacingException("lab.notebook.too-large", MAX_CHARS / (1024 * 1024));
        }
        Notebook notebook = Notebook.read(text);
        if (notebook.cells().size() > LabNotebook.MAX_CELLS) {
            throw new UserFacingException("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS);
        }
        Set<String> ids = new HashSet<>();
        return new LabNotebook(revision, notebook.cells().stream().map(cell -> {
            if (cell.source().length() > LabNotebook.MAX_CELL_CHARS) {
                throw new UserFacingException("lab.notebook.cell-too-large", LabNotebook.MAX_CELL_CHARS / 1000);
            }
            String id = cell.id();
            if (!id.matches("[A-Za-z0-9_-]{1,64}") || !ids.add(id)) {
                id = UUID.randomUUID().toString().substring(0, 8);
                ids.add(id);
            }
            return new LabNotebook.Cell(id, LabNotebook.Kind.valueOf(cell.type().name()), cell.source(), cell.tags().contains(LOCKED),
                    cell.executionCount(), cell.outputs().stream().map(o -> new LabNotebook.Output(
                            LabNotebook.OutputKind.valueOf(o.type().name()), o.name(), o.text(), o.html(), o.pngBase64(), o.latex())).toList());
        }).toList());
    }

    public static String write(LabNotebook notebook) {
        return new Notebook("python", notebook.cells().stream().map(cell -> new Notebook.Cell(cell.id(),
                Notebook.CellType.valueOf(cell.kind().name()), cell.source(), cell.locked() ? List.of(LOCKED) : List.of(),
                cell.executionCount(), cell.outputs().stream().map(o -> new Notebook.Output(Notebook.OutputType.valueOf(o.kind().name()),
                        o.name(), o.text(), o.html(), o.png(), o.latex())).toList())).toList()).write();
    }
}
