package eu.aiskills.academy.labs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.LessonSummary;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.CurrentUser;
import eu.aiskills.academy.identity.Roles;
import eu.aiskills.academy.identity.SignedIn;
import eu.aiskills.academy.labs.internal.HiddenTests;
import eu.aiskills.academy.labs.internal.Ipynb;
import eu.aiskills.academy.labs.internal.LabTemplateStore;
import eu.aiskills.academy.labs.internal.PassedAsIs;
import eu.aiskills.academy.shared.ContentFiles;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.Slugs;
import eu.aiskills.academy.shared.UserFacingException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lab templates and each learner's copy of them. Every save of a copy is a new revision that
 * names the revision it changes: a save based on an older revision (another tab, a stale page)
 * is refused rather than overwriting, and no save is ever lost.
 */
@Service
public class Labs {

    /** Revisions kept per learner and lab; older ones are removed as new ones arrive. */
    static final int REVISIONS_KEPT = 50;

    private final LabTemplateStore store;
    private final Catalogue catalogue;
    private final PassedAsIs passedAsIs;
    private final Clock clock;

    Labs(LabTemplateStore store, Catalogue catalogue, PassedAsIs passedAsIs, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.passedAsIs = passedAsIs;
        this.clock = clock;
    }

    /**
     * Publishes (or replaces) a lab of a lesson the caller teaches: the notebook's cells tagged
     * {@code hidden-test} become its graded checks and are hidden from learners, its solution
     * regions are taken out, and a learners' copy that would pass as it comes is refused
     * ({@link PassedAsIs}: it runs in the sandbox, so no transaction is held meanwhile). The lab's
     * address comes from its title; a lab of another lesson with that address is not replaced.
     */
    @RolesAllowed({Roles.INSTRUCTOR, Roles.ADMIN})
    public LabTemplate publish(LabDraft draft) {
        CourseDetail course = catalogue.taughtCourses().stream()
                .filter(c -> c.summary().slug().equals(draft.courseSlug())).findFirst()
                .or(() -> CurrentUser.hasRole(Roles.ADMIN) ? catalogue.publishedCourse(draft.courseSlug()) : Optional.empty())
                .orElseThrow(() -> new AccessDeniedException("Not an instructor of " + draft.courseSlug()));
        LessonSummary lesson = course.lessons().stream().filter(l -> l.slug().equals(draft.lessonSlug())).findFirst()
                .orElseThrow(() -> UserFacingException.onField("lesson", "lab.authoring.lesson"));
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > LabDraft.TITLE_MAX || title.chars().anyMatch(Character::isISOControl)) {
            throw UserFacingException.onField("title", "lab.authoring.title", LabDraft.TITLE_MAX);
        }
        if (draft.gpus() < 0 || draft.gpus() > 8 || draft.memoryMb() < 256 || draft.memoryMb() > 65_536 || draft.minutes() < 5
                || draft.minutes() > 480 || draft.idleMinutes() < 5 || draft.idleMinutes() > 240) {
            throw UserFacingException.onField("resources", "lab.authoring.resources");
        }
        if (draft.notebook() == null || draft.notebook().length == 0 || draft.notebook().length > LabDraft.NOTEBOOK_MAX_BYTES) {
            throw UserFacingException.onField("notebook", "lab.authoring.notebook", LabDraft.NOTEBOOK_MAX_BYTES / (1024 * 1024));
        }
        HiddenTests.Split split = HiddenTests.split(new String(draft.notebook(), StandardCharsets.UTF_8));
        if (split.learners().cells().isEmpty()) {
            throw UserFacingException.onField("notebook", "lab.authoring.empty");
        }
        String slug = slugOf(title);
        Optional<LabTemplate> existing = template(slug);
        if (existing.isPresent() && !(existing.get().courseSlug().equals(draft.courseSlug())
                && existing.get().lessonSlug().equals(draft.lessonSlug()))) {
            throw UserFacingException.onField("title", "lab.authoring.slug-taken", slug);
        }
        try {
            passedAsIs.refuseIfPassing("python3", draft.memoryMb(), split.learners(), split.checks(), lesson.passScore());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("lab.authoring.unchecked");
        } catch (IllegalStateException e) {
            throw new UserFacingException("lab.authoring.unchecked");
        }
        String checks = CHECKS.writeValueAsString(split.checks());
        String notebook = Ipynb.write(split.learners());
        String hash = "authored:" + ContentFiles.fingerprint(draft.notebook());
        store.write(slug, new LabTemplateStore.Authored(title, draft.courseSlug(), draft.lessonSlug(), draft.gpus(), draft.memoryMb(),
                draft.minutes(), draft.idleMinutes(), notebook, checks, hash), existing.isPresent(), clock.instant());
        return require(slug);
    }

    /** A lab's address from its title: lower-case words joined by '-'. */
    static String slugOf(String title) {
        String slug = Slugs.of(title, 60);
        return slug.isEmpty() ? "lab-" + UUID.randomUUID().toString().substring(0, 8) : slug;
    }

    /** The labs of a lesson (what the lesson page offers). */
    @PermitAll
    @Transactional(readOnly = true)
    public List<LabTemplate> ofLesson(String courseSlug, String lessonSlug) {
        return store.ofLesson(courseSlug, lessonSlug);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<LabTemplate> template(String slug) {
        return store.bySlug(slug);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<LabTemplate> all() {
        return store.all();
    }

    /** The signed-in learner's latest copy of the lab, or the template when they have none yet. */
    @SignedIn
    @Transactional(readOnly = true)
    public LabNotebook myNotebook(String slug) {
        LabTemplate lab = require(slug);
        AccountId me = CurrentUser.requireId();
        return store.latest(lab.id(), me).orElseGet(() -> store.notebook(lab.id()));
    }

    /** The revisions of the learner's copy, newest first (number and time). */
    @SignedIn
    @Transactional(readOnly = true)
    public List<Revision> revisions(String slug) {
        LabTemplate lab = require(slug);
        return store.revisions(lab.id(), CurrentUser.requireId()).stream()
                .map(row -> new Revision(row.number(), row.origin(), row.savedAt())).toList();
    }

    /** One saved revision of the learner's copy. */
    public record Revision(int number, String origin, Instant savedAt) {
    }

    /** One of the learner's own kept revisions, for the history (what it held) and to restore it. */
    @SignedIn
    @Transactional(readOnly = true)
    public LabNotebook myRevision(String slug, int number) {
        LabTemplate lab = require(slug);
        return store.revision(lab.id(), CurrentUser.requireId(), number).orElseThrow(() -> new NotFoundException("lab.revision-not-found"));
    }

    /**
     * Restores one of the learner's earlier revisions as the revision after {@code basedOn}: a
     * restore is itself a new revision, so the copy it replaces stays in the history.
     */
    @SignedIn
    @Transactional
    public LabNotebook restore(String slug, int number, int basedOn) {
        LabNotebook earlier = myRevision(slug, number);
        return save(slug, new LabNotebook(basedOn, earlier.cells()), "restore");
    }

    /**
     * Saves the learner's copy as the revision after {@code basedOn}. Refused with
     * {@code lab.notebook.conflict} when another save came first.
     */
    @SignedIn
    @Transactional
    public LabNotebook save(String slug, LabNotebook notebook, String origin) {
        LabTemplate lab = require(slug);
        AccountId me = CurrentUser.requireId();
        LabNotebook checked = lockedCellsKept(lab, notebook);
        String content = Ipynb.write(checked);
        if (content.length() > Ipynb.MAX_CHARS) {
            throw new UserFacingException("lab.notebook.too-large", Ipynb.MAX_CHARS / (1024 * 1024));
        }
        int next = notebook.revision() + 1;
        if (!store.saveRevision(lab.id(), me, next, content, origin(origin), clock.instant(), REVISIONS_KEPT)) {
            throw new UserFacingException("lab.notebook.conflict", next);
        }
        return new LabNotebook(next, checked.cells());
    }

    /** Starts the learner's copy over from the template (as a new revision: the old ones stay in the history). */
    @SignedIn
    @Transactional
    public LabNotebook reset(String slug, int basedOn) {
        LabTemplate lab = require(slug);
        LabNotebook fresh = store.notebook(lab.id());
        return save(slug, new LabNotebook(basedOn, fresh.cells()), "reset");
    }

    /** The learner's copy as an {@code .ipynb} file. */
    @SignedIn
    @Transactional(readOnly = true)
    public byte[] download(String slug) {
        return Ipynb.write(myNotebook(slug)).getBytes(StandardCharsets.UTF_8);
    }

    LabTemplate require(String slug) {
        return template(slug).orElseThrow(() -> new NotFoundException("lab.not-found"));
    }

    /** Locked (set-up) cells keep the template's source whatever a client sends. */
    private LabNotebook lockedCellsKept(LabTemplate lab, LabNotebook notebook) {
        if (notebook.cells().size() > LabNotebook.MAX_CELLS) {
            throw new UserFacingException("lab.notebook.too-many-cells", LabNotebook.MAX_CELLS);
        }
        LabNotebook template = store.notebook(lab.id());
        return notebook.withCells(notebook.cells().stream().map(cell -> {
            if (cell.source() != null && cell.source().length() > LabNotebook.MAX_CELL_CHARS) {
                throw new UserFacingException("lab.notebook.cell-too-large", LabNotebook.MAX_CELL_CHARS / 1000);
            }
            return template.cells().stream().filter(t -> t.locked() && t.id().equals(cell.id())).findFirst()
                    .map(t -> new LabNotebook.Cell(cell.id(), t.kind(), t.source(), true, cell.executionCount(), cell.outputs()))
                    .orElse(new LabNotebook.Cell(cell.id(), cell.kind(), cell.source() == null ? "" : cell.source(), false,
                            cell.executionCount(), cell.outputs()));
        }).toList());
    }

    private static String origin(String origin) {
        return origin != null && Arrays.asList("autosave", "save", "reset", "run", "stop", "restore").contains(origin) ? origin : "save";
    }

    private static final JsonMapper CHECKS = JsonMapper.builder().build();
}
