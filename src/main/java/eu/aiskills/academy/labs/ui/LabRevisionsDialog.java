package eu.aiskills.academy.labs.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;

/**
 * The learner's saved revisions of a lab, newest first, as JupyterLab's checkpoints and Colab's
 * revision history show them: when each was saved, by what (an autosave, a run, a reset...), how
 * many cells it held and how that changed from the one before; any older one is restored as a new
 * revision, so the copy it replaces stays in the list.
 */
final class LabRevisionsDialog extends Dialog {

    LabRevisionsDialog(Labs labs, String slug, int current, Consumer<LabNotebook> restored) {
        setHeaderTitle(getTranslation("lab.revisions-title"));
        setWidth("min(40rem, 96vw)");
        List<Labs.Revision> revisions = labs.revisions(slug);
        add(new Paragraph(getTranslation("lab.revisions-intro", revisions.size())));
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-lab-revisions");
        ZoneId utc = ZoneId.of("UTC");
        Integer newer = null;
        for (int i = revisions.size() - 1; i >= 0; i--) {
            // Oldest first to count the change in cells, shown newest first.
            Labs.Revision revision = revisions.get(i);
            int cells = labs.myRevision(slug, revision.number()).cells().size();
            String change = newer == null ? "" : " (" + (cells - newer >= 0 ? "+" : "−") + Math.abs(cells - newer) + ")";
            newer = cells;
            Span what = new Span(getTranslation("lab.revision-row", revision.number(), Views.dateTime(this, revision.savedAt(), utc),
                    getTranslation(originKey(revision.origin())), cells) + change);
            ListItem item = new ListItem(what);
            if (revision.number() == current) {
                Span now = new Span(getTranslation("lab.revision-current"));
                now.getElement().getThemeList().add("badge success");
                item.add(now);
            } else {
                Button restore = new Button(getTranslation("lab.restore"), click -> {
                    try {
                        LabNotebook copy = labs.restore(slug, revision.number(), current);
                        close();
                        Views.success(getTranslation("lab.restored", revision.number(), copy.revision()));
                        restored.accept(copy);
                    } catch (UserFacingException e) {
                        Views.error(getTranslation(e.messageKey(), e.arguments()));
                    }
                });
                restore.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                restore.setAriaLabel(getTranslation("lab.restore-revision", revision.number()));
                item.add(restore);
            }
            list.addComponentAsFirst(item);
        }
        add(list);
        getFooter().add(new Button(getTranslation("common.close"), click -> close()));
    }

    private static String originKey(String origin) {
        return switch (origin) {
            case "autosave" -> "lab.origin.autosave";
            case "run" -> "lab.origin.run";
            case "reset" -> "lab.origin.reset";
            case "stop" -> "lab.origin.stop";
            case "restore" -> "lab.origin.restore";
            default -> "lab.origin.save";
        };
    }
}
