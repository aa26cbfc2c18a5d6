package eu.aiskills.academy.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.internal.GradingRun;
import eu.aiskills.academy.labs.internal.LabContentImport;
import eu.aiskills.academy.labs.internal.LabCuller;
import eu.aiskills.academy.labs.internal.LabRuntime;
import eu.aiskills.academy.labs.internal.LabTemplateStore;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.testsupport.AcademyTest;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.Race;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lab sessions end to end with real sandboxes: an enrolled learner starts a lab, runs code, is
 * graded (which completes the lesson), stops; sessions queue when sandboxes are taken, idle and
 * overdue ones are stopped, a second start returns the live session, strangers see nothing.
 */
@AcademyTest
class LabSessionsTest {

    @Autowired
    LabSessions sessions;
    @Autowired
    LabGrading grading;
    @Autowired
    LabUsageReport report;
    @Autowired
    LabCuller culler;
    @Autowired
    Labs labs;
    @Autowired
    LabRuntime runtime;
    @Autowired
    GradingRun runs;
    @Autowired
    LabTemplateStore templateStore;
    @Autowired
    Enrolments enrolments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path courses;
    @TempDir
    Path labFolders;

    private String lab;
    private String lessonSlug;
    private CourseDetail course;

    @BeforeEach
    void anEnrolledLearnerAndAGradedLab() throws IOException {
        GradedLab graded = GradedLab.create(context, courses, labFolders);
        lab = graded.slug();
        lessonSlug = graded.lessonSlug();
        course = graded.course();
    }

    @AfterEach
    void stopEverything() {
        SystemActor.run(() -> jdbc.queryForList("SELECT id FROM lab_session WHERE active_slot IS NOT NULL", String.class)
                .forEach(id -> sessions.stop(LabSessionId.of(id))));
        SecurityContextHolder.clearContext();
    }

    private LabSession awaitRunning(LabSession session) {
        return GradedLab.awaitRunning(sessions, session);
    }

    @Test
    void aLearnerRunsCodeAndASubmissionIsGradedInAFreshSandboxCompletingTheLesson() throws Exception {
        KaribuSupport.signIn(context, "student@academy.test");
        LabSession started = sessions.start(lab);
        assertThat(started.state()).isIn(LabSessionState.QUEUED, LabSessionState.STARTING);
        LabSession running = awaitRunning(started);
        assertThat(running.endsAt()).isAfter(running.startedAt());
        assertThat(sessions.start(lab).id()).as("one live session per lab").isEqualTo(started.id());

        List<LabSessions.CellProgress> streamed = new CopyOnWriteArrayList<>();
        LabSessions.CellRun run = sessions.execute(running.id(), "answer = 6 * 7\nprint(answer)", streamed::add).get(60, TimeUnit.SECONDS);
        assertThat(run.status()).isEqualTo("ok");
        assertThat(streamed).last().extracting(LabSessions.CellProgress::outputs).asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting("text").containsExactly("42\n");
        assertThat(run.outputs()).extracting(LabNotebook.Output::text).containsExactly("42\n");

        // Tab and Shift+Tab ask the kernel: its completions replace the name before the cursor; its help is plain text.
        String typed = "import math\nresult = math.sqr";
        LabSessions.Completion completion = sessions.complete(running.id(), typed, typed.length()).get(10, TimeUnit.SECONDS);
        assertThat(completion.matches()).isNotEmpty()
                .allSatisfy(match -> assertThat(typed.substring(0, completion.from()) + match).startsWith("import math\nresult = math.sqr"));
        assertThat(completion.matches()).anyMatch(match -> (typed.substring(0, completion.from()) + match).endsWith("math.sqrt"));
        String emoji = "label = '\uD83D\uDE00'; answ";
        LabSessions.Completion afterEmoji = sessions.complete(running.id(), emoji, emoji.length()).get(10, TimeUnit.SECONDS);
        assertThat(afterEmoji.matches()).as("cursor positions count UTF-16 units on the page, code points in the kernel").contains("answer");
        assertThat(emoji.substring(afterEmoji.from(), afterEmoji.to())).isEqualTo("answ");
        String help = sessions.inspect(running.id(), "len(", 4).get(10, TimeUnit.SECONDS);
        assertThat(help).contains("Return the number of items").doesNotContain("\u001B");
        assertThat(sessions.inspect(running.id(), "no_such_name_anywhere", 21).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(() -> sessions.complete(running.id(), "abc", 4)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lab.cursor-outside"));

        assertThat(grading.submit(lab).score()).as("the template as it comes passes nothing").isEqualByComparingTo("0");
        labs.save(lab, new LabNotebook(0, List.of(new LabNotebook.Cell("c1", LabNotebook.Kind.CODE, "answer = 6 * 7", false, null,
                List.of()))), "save");
        LabGrading.Grade partial = grading.submit(lab);
        assertThat(partial.score()).isEqualByComparingTo("70");
        assertThat(partial.checks()).extracting(LabGrading.CheckResult::passed).containsExactly(true, false);
        assertThat(partial.checks().get(1).message()).startsWith("NameError");
        assertThat(partial.lessonCompleted()).as("70 reaches the pass score of 70").isTrue();
        assertThat(partial.revision()).as("the learner's saved copy").isEqualTo(1);
        assertThat(partial.cellErrors()).isEmpty();
        assertThat(grading.submissions(lab)).extracting(LabGrading.Submission::score).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("70"), BigDecimal.ZERO);
        assertThat(runtime.count()).as("the grading sandbox is gone, the session's stays").isEqualTo(1);
        UUID lesson = course.lessons().getLast().id();
        assertThat(enrolments.mine().stream().filter(e -> e.run().courseSlug().equals(course.summary().slug())).findFirst()
                .orElseThrow().lessonsDone()).contains(lesson);

        LabSession stopped = sessions.stop(running.id());
        assertThat(stopped.state()).isEqualTo(LabSessionState.STOPPED);
        assertThat(stopped.reasonKey()).isEqualTo("lab.reason.stopped");
        assertThat(runtime.isLive(running.id().value())).isFalse();
        assertThatThrownBy(() -> sessions.execute(running.id(), "1", o -> { })).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lab.not-running"));

        assertThatThrownBy(() -> report.usage(course.summary().slug())).isInstanceOf(AccessDeniedException.class);
        KaribuSupport.signIn(context, "instructor@academy.test");
        LabUsage usage = report.usage(course.summary().slug());
        LabUsage.Lab used = usage.labs().stream().filter(l -> l.slug().equals(lab)).findFirst().orElseThrow();
        assertThat(used.sessions()).isEqualTo(1);
        assertThat(used.learners()).isEqualTo(1);
        assertThat(used.byLearner().getFirst().name()).isEqualTo("Stella Student");
        assertThat(used.byLearner().getFirst().bestScore()).isEqualByComparingTo("70");
        assertThat(usage.sessionsPerDay()).hasSize(14).last().isEqualTo(1);
    }

    @Test
    void outputsAreKeptAsANotebookShowsThemAndInputIsTypedOnThePage() throws Exception {
        KaribuSupport.signIn(context, "student@academy.test");
        LabSession running = awaitRunning(sessions.start(lab));

        // A progress bar redrawn with carriage returns (tqdm's way) stays one line; one stream's chunks are one output.
        LabSessions.CellRun bar = sessions.execute(running.id(), "import time\nfor i in range(1, 6):\n"
                + "    print(f'\\rstep {i}/5', end='', flush=True)\n    time.sleep(0.05)\nprint(' done')\nprint('\\x1b[31mred\\x1b[0m')",
                p -> { }).get(60, TimeUnit.SECONDS);
        assertThat(bar.outputs()).singleElement().extracting(LabNotebook.Output::text)
                .isEqualTo("step 5/5 done\n\u001B[31mred\u001B[0m\n");

        // update_display_data replaces what was displayed under its id, where it was.
        LabSessions.CellRun updated = sessions.execute(running.id(), "h = display('first', display_id=True)\n"
                + "print('between')\nh.update('second')", p -> { }).get(60, TimeUnit.SECONDS);
        assertThat(updated.outputs()).extracting(LabNotebook.Output::text).containsExactly("'second'", "between\n");

        // clear_output(wait=True): each frame replaces the last, and the area is never empty in between.
        List<LabSessions.CellProgress> frames = new CopyOnWriteArrayList<>();
        LabSessions.CellRun animated = sessions.execute(running.id(), "from IPython.display import clear_output\n"
                + "for i in range(3):\n    clear_output(wait=True)\n    print('frame', i)", frames::add).get(60, TimeUnit.SECONDS);
        assertThat(animated.outputs()).extracting(LabNotebook.Output::text).containsExactly("frame 2\n");
        assertThat(frames).extracting(progress -> progress.outputs().size()).containsOnly(1);

        // A formula (text/latex) is kept as such, for the page to typeset.
        LabSessions.CellRun formula = sessions.execute(running.id(), "from IPython.display import Math\nMath(r'\\frac{a}{b}')",
                p -> { }).get(60, TimeUnit.SECONDS);
        assertThat(formula.outputs()).singleElement().extracting(LabNotebook.Output::latex).asString().contains("\\frac{a}{b}");

        // input() waits for the line typed on the page; the prompt and the answer stay in the output, as in Jupyter.
        assertThatThrownBy(() -> sessions.answer(running.id(), "nobody asked")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lab.input.none"));
        List<LabSessions.CellProgress> asked = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<LabSessions.CellRun> greeting = sessions.execute(running.id(),
                "name = input('Your name? ')\nprint('Hello', name)", asked::add);
        await().atMost(Duration.ofSeconds(30)).until(() -> asked.stream().anyMatch(p -> p.input() != null));
        assertThat(asked).filteredOn(p -> p.input() != null).first().extracting(LabSessions.CellProgress::input)
                .isEqualTo(new LabSessions.InputPrompt("Your name? ", false));
        assertThatThrownBy(() -> sessions.answer(running.id(), "two\nlines")).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lab.input.invalid"));
        sessions.answer(running.id(), "Ada");
        assertThat(greeting.get(60, TimeUnit.SECONDS).outputs()).extracting(LabNotebook.Output::text)
                .containsExactly("Your name? Ada\nHello Ada\n");
        assertThat(asked.getLast().input()).as("nothing is awaited once answered").isNull();

        // getpass: the answer reaches the code, never the notebook.
        List<LabSessions.CellProgress> secret = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<LabSessions.CellRun> token = sessions.execute(running.id(),
                "import getpass\nsecret = getpass.getpass('Token: ')\nprint(len(secret))", secret::add);
        await().atMost(Duration.ofSeconds(30)).until(() -> secret.stream().anyMatch(p -> p.input() != null));
        assertThat(secret).filteredOn(p -> p.input() != null).first().extracting(p -> p.input().password()).isEqualTo(true);
        sessions.answer(running.id(), "abc123");
        assertThat(token.get(60, TimeUnit.SECONDS).outputs()).extracting(LabNotebook.Output::text).singleElement().asString()
                .isEqualTo("Token: ········\n6\n").doesNotContain("abc123");
    }

    @Test
    void aSubmissionWhoseCodeNeverEndsStopsAtItsTimeLimitAndSaysSo() throws Exception {
        List<GradingRun.Step> steps = new CopyOnWriteArrayList<>();
        List<LabNotebook.Cell> cells = List.of(
                new LabNotebook.Cell("a", LabNotebook.Kind.CODE, "x = 1", false, null, List.of()),
                new LabNotebook.Cell("b", LabNotebook.Kind.MARKDOWN, "Text", false, null, List.of()),
                new LabNotebook.Cell("c", LabNotebook.Kind.CODE, "while True:\n    pass", false, null, List.of()));
        long started = System.nanoTime();
        GradingRun.Outcome outcome = runs.run("python3", 1024, cells,
                List.of(new LabContentImport.Check("x is one", 10, "assert x == 1")), Duration.ofSeconds(8), steps::add);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped at the limit, not after it").isLessThan(Duration.ofSeconds(40));
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.cellErrors()).containsExactly("3: time limit reached");
        assertThat(outcome.checks()).singleElement().extracting(GradingRun.CheckOutcome::passed).isEqualTo(false);
        assertThat(steps).extracting(GradingRun.Step::done).containsExactly(0, 1, 2, 3);
        assertThat(steps).extracting(GradingRun.Step::total).containsOnly(3);
    }

    @Test
    void strangersAndTheUnenrolledAreKeptOut() {
        KaribuSupport.signIn(context, "student@academy.test");
        LabSession mine = sessions.start(lab);

        KaribuSupport.signIn(context, "fellow@academy.test");
        assertThatThrownBy(() -> sessions.session(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.stop(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.execute(mine.id(), "print('hi')", o -> { })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.complete(mine.id(), "pri", 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.inspect(mine.id(), "print", 5)).isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "employer@academy.test");
        assertThatThrownBy(() -> sessions.start(lab)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lab.not-enrolled"));
    }

    @Test
    void startsAtTheSameMomentGiveOneSession() throws Exception {
        List<LabSessionId> ids = Race.run(4, i -> () -> {
            KaribuSupport.signIn(context, "student@academy.test");
            try {
                return sessions.start(lab).id();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(Set.copyOf(ids)).hasSize(1);
    }

    @Test
    void idleAndOverdueSessionsAreStoppedAndOrphansEnded() {
        KaribuSupport.signIn(context, "student@academy.test");
        LabSession idle = awaitRunning(sessions.start(lab));
        KaribuSupport.signIn(context, "fellow@academy.test");
        LabSession overdue = awaitRunning(sessions.start(lab));
        jdbc.update("UPDATE lab_session SET last_activity_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(1))),
                idle.id().toString());
        jdbc.update("UPDATE lab_session SET ends_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                overdue.id().toString());

        assertThatThrownBy(() -> culler.cull()).as("only the platform culls").isInstanceOf(AccessDeniedException.class);
        SystemActor.run(() -> culler.cull());

        SystemActor.run(() -> {
            assertThat(sessions.session(idle.id()).state()).isEqualTo(LabSessionState.STOPPED);
            assertThat(sessions.session(idle.id()).reasonKey()).isEqualTo("lab.reason.idle");
            assertThat(sessions.session(overdue.id()).reasonKey()).isEqualTo("lab.reason.time-limit");
        });

        // A session the database calls running, with no sandbox behind it (the platform restarted).
        LabSessionId orphan = LabSessionId.random();
        jdbc.update("INSERT INTO lab_session (id, template_id, learner_id, launcher, state, active_slot, gpus, created_at,"
                        + " last_activity_at, gpu_hours) SELECT ?, id, ?, 'LOCAL', 'RUNNING', ?, 0, ?, ?, 0 FROM lab_template WHERE slug = ?",
                orphan.toString(), idle.learner().value().toString(), "orphan:" + orphan, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()), lab);
        SystemActor.run(() -> {
            culler.endOrphans();
            assertThat(sessions.session(orphan).reasonKey()).isEqualTo("lab.reason.platform-restarted");
        });

        // Sessions of another instance of the platform: left alone while it is alive, ended once it falls silent.
        String other = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO platform_instance (id, host, started_at, heartbeat_at) VALUES (?, 'other-node', ?, ?)", other,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        LabSessionId elsewhere = LabSessionId.random();
        jdbc.update("INSERT INTO lab_session (id, template_id, learner_id, launcher, state, active_slot, gpus, created_at,"
                        + " last_activity_at, gpu_hours, instance_id) SELECT ?, id, ?, 'LOCAL', 'RUNNING', ?, 0, ?, ?, 0, ? FROM lab_template"
                        + " WHERE slug = ?", elsewhere.toString(), idle.learner().value().toString(), "elsewhere:" + elsewhere,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), other, lab);
        SystemActor.run(() -> {
            culler.endOrphans();
            culler.cull();
            assertThat(sessions.session(elsewhere).state()).as("its sandbox is on the other node").isEqualTo(LabSessionState.RUNNING);
        });
        jdbc.update("UPDATE platform_instance SET heartbeat_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(3600)), other);
        SystemActor.run(() -> {
            culler.cull();
            assertThat(sessions.session(elsewhere).state()).isEqualTo(LabSessionState.STOPPED);
            assertThat(sessions.session(elsewhere).reasonKey()).isEqualTo("lab.reason.platform-restarted");
        });
    }

    @Test
    void savesAreRevisionsAndAStaleSaveIsRefused() throws Exception {
        KaribuSupport.signIn(context, "student@academy.test");
        LabNotebook template = labs.myNotebook(lab);
        assertThat(template.revision()).isZero();
        LabNotebook edited = template.withCells(template.cells().stream().map(c -> c.withSource(c.source() + "\nsquares = [0, 1, 4]"))
                .toList());
        LabNotebook first = labs.save(lab, edited, "save");
        assertThat(first.revision()).isEqualTo(1);
        assertThatThrownBy(() -> labs.save(lab, edited, "save")).as("based on revision 0 again")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("lab.notebook.conflict"));

        List<Object> racing = Race.run(5, i -> () -> {
            KaribuSupport.signIn(context, "student@academy.test");
            try {
                return labs.save(lab, first.withCells(first.cells()), "autosave").revision();
            } catch (UserFacingException e) {
                return e.messageKey();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(racing).filteredOn(Integer.class::isInstance).containsExactly(2);
        assertThat(labs.revisions(lab)).extracting(Labs.Revision::number).containsExactly(2, 1);
        assertThat(labs.myNotebook(lab).cells().getFirst().source()).endsWith("squares = [0, 1, 4]");

        LabNotebook reset = labs.reset(lab, 2);
        assertThat(reset.revision()).isEqualTo(3);
        assertThat(reset.cells().getFirst().source()).isEqualTo("answer = None");
        assertThat(new String(labs.download(lab), StandardCharsets.UTF_8)).contains("\"nbformat\" : 4").contains("answer = None");

        // An older revision is restored as a new one: the reset copy it replaces stays in the history.
        assertThat(labs.myRevision(lab, 2).cells().getFirst().source()).endsWith("squares = [0, 1, 4]");
        LabNotebook restored = labs.restore(lab, 2, 3);
        assertThat(restored.revision()).isEqualTo(4);
        assertThat(labs.myNotebook(lab).cells().getFirst().source()).endsWith("squares = [0, 1, 4]");
        assertThat(labs.revisions(lab)).extracting(Labs.Revision::number, Labs.Revision::origin)
                .startsWith(org.assertj.core.groups.Tuple.tuple(4, "restore"), org.assertj.core.groups.Tuple.tuple(3, "reset"));
        assertThatThrownBy(() -> labs.restore(lab, 1, 3)).as("based on a stale revision")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("lab.notebook.conflict"));
        assertThatThrownBy(() -> labs.restore(lab, 99, 4)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lab.revision-not-found"));
        KaribuSupport.signIn(context, "instructor@academy.test");
        assertThatThrownBy(() -> labs.myRevision(lab, 2)).as("a learner's revisions are theirs alone")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("lab.revision-not-found"));
    }

    @Test
    void anInstructorPublishesALabWhoseHiddenTestsGradeButStayHidden() throws Exception {
        String notebook = """
                {"cells": [
                  {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": "Compute the mean."},
                  {"cell_type": "code", "id": "work", "metadata": {}, "source": "values = [2, 4, 6]\\nmean = sum(values) / len(values)",
                   "execution_count": null, "outputs": []},
                  {"cell_type": "code", "id": "t1", "metadata": {"tags": ["hidden-test"], "points": 30},
                   "source": "# The mean is right\\nassert mean == 4", "execution_count": null, "outputs": []},
                  {"cell_type": "code", "id": "t2", "metadata": {"tags": ["hidden-test"], "points": 70},
                   "source": "# It is a float\\nassert isinstance(mean, float) and mean != 4.0", "execution_count": null, "outputs": []}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """;
        KaribuSupport.signIn(context, "instructor@academy.test");
        LabTemplate published = labs.publish(new LabDraft(course.summary().slug(), lessonSlug, "Mean of a list " + lab, notebook.getBytes(
                StandardCharsets.UTF_8), 0, 1024, 30, 10));
        assertThat(published.checkCount()).isEqualTo(2);
        // The same lab with its answer in plain sight passes as it comes: refused, naming the score.
        String answered = notebook.replace("assert isinstance(mean, float) and mean != 4.0", "assert isinstance(mean, float)");
        assertThatThrownBy(() -> labs.publish(new LabDraft(course.summary().slug(), lessonSlug, "Mean given away " + lab,
                answered.getBytes(StandardCharsets.UTF_8), 0, 1024, 30, 10))).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lab.authoring.passes-as-is");
                    assertThat(e.field()).isEqualTo("notebook");
                    assertThat(e.arguments()).containsExactly("100");
                });
        assertThat(labs.template(Labs.slugOf("Mean given away " + lab))).as("nothing half-written").isEmpty();
        assertThatThrownBy(() -> labs.publish(new LabDraft(course.summary().slug(), "no-such-lesson", "x", notebook.getBytes(
                StandardCharsets.UTF_8), 0, 1024, 30, 10))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.field()).isEqualTo("lesson"));
        assertThatThrownBy(() -> labs.publish(new LabDraft(course.summary().slug(), lessonSlug, "Broken", "{not json".getBytes(
                StandardCharsets.UTF_8), 0, 1024, 30, 10))).isInstanceOf(UserFacingException.class);
        KaribuSupport.signIn(context, "fellow@academy.test");
        assertThatThrownBy(() -> labs.publish(new LabDraft(course.summary().slug(), lessonSlug, "Sneaky", notebook.getBytes(
                StandardCharsets.UTF_8), 0, 1024, 30, 10))).isInstanceOf(AccessDeniedException.class);

        KaribuSupport.signIn(context, "student@academy.test");
        LabNotebook seen = labs.myNotebook(published.slug());
        assertThat(seen.cells()).extracting(LabNotebook.Cell::id).containsExactly("intro", "work");
        assertThat(new String(labs.download(published.slug()), StandardCharsets.UTF_8)).doesNotContain("assert mean");

        LabGrading.Grade grade = grading.submit(published.slug());
        assertThat(grade.checks()).extracting(LabGrading.CheckResult::name).containsExactly("The mean is right", "It is a float");
        assertThat(grade.checks()).extracting(LabGrading.CheckResult::passed).containsExactly(true, false);
        assertThat(grade.score()).isEqualByComparingTo("30");

        // With the answer in a solution region, the learner's copy holds a placeholder: submitted as it comes, it earns nothing.
        String withSolution = notebook.replace("values = [2, 4, 6]\\nmean = sum(values) / len(values)",
                "values = [2, 4, 6]\\n### BEGIN SOLUTION\\nmean = sum(values) / len(values)\\n### END SOLUTION");
        KaribuSupport.signIn(context, "instructor@academy.test");
        LabTemplate exercise = labs.publish(new LabDraft(course.summary().slug(), lessonSlug, "Mean, to write " + lab,
                withSolution.getBytes(StandardCharsets.UTF_8), 0, 1024, 30, 10));
        KaribuSupport.signIn(context, "student@academy.test");
        assertThat(labs.myNotebook(exercise.slug()).cells().get(1).source())
                .isEqualTo("values = [2, 4, 6]\n# YOUR CODE HERE\nraise NotImplementedError()");
        assertThat(new String(labs.download(exercise.slug()), StandardCharsets.UTF_8)).doesNotContain("sum(values)");
        assertThat(grading.submit(exercise.slug()).score()).isEqualByComparingTo("0");
    }

    @Test
    void noDemoLabPassesAsItComes() throws Exception {
        for (String demo : List.of("tensors-and-gradients", "first-classifier")) {
            LabTemplate template = labs.template(demo).orElseThrow();
            LabNotebook asItComes = templateStore.notebook(template.id());
            GradingRun.Outcome outcome = runs.run(template.kernel(), template.memoryMb(), asItComes.cells(), List.of(tools.jackson.databind.json.JsonMapper.builder().build()
                    .readValue(templateStore.checks(template.id()), LabContentImport.Check[].class)));
            assertThat(outcome.pointsPassed()).as(demo).isZero();
            assertThat(outcome.cellErrors()).as(demo + ": the placeholders raise").anyMatch(e -> e.contains("NotImplementedError"));
        }
    }

    @Test
    void theDemoLabsAreImportedWithTheirLessons() {
        assertThat(labs.all()).extracting(LabTemplate::slug).contains("tensors-and-gradients", "first-classifier", "learning-curve");
        LabTemplate tensors = labs.template("tensors-and-gradients").orElseThrow();
        assertThat(tensors.graded()).isTrue();
        assertThat(tensors.checkCount()).isEqualTo(3);
        assertThat(labs.ofLesson("deep-learning-on-hpc", "tensors-and-gradients")).extracting(LabTemplate::slug)
                .containsExactly("tensors-and-gradients");
        assertThat(tensors.packages()).containsExactly("numpy", "torch");
        assertThat(labs.all().stream().filter(l -> Set.of("tensors-and-gradients", "first-classifier", "learning-curve").contains(l.slug()))
                .map(LabTemplate::gpus).collect(Collectors.toSet())).as("the demo labs run in the local sandbox").containsExactly(0);
    }
}
