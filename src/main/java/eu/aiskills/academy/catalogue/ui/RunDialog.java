package eu.aiskills.academy.catalogue.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import eu.aiskills.academy.catalogue.AuthoredCourse;
import eu.aiskills.academy.catalogue.CourseAuthoring;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.catalogue.DeliveryMode;
import eu.aiskills.academy.catalogue.RunPlan;
import eu.aiskills.academy.shared.ui.RecordDialog;

/**
 * Plans or changes one run of a course, bound to a {@link RunPlan}: enrolment opens and closes at
 * local times in the run's time zone. {@code saved} runs once the service accepted it.
 */
class RunDialog extends RecordDialog<RunPlan> {

    /** Rejection field names that differ from the record's component names. */
    private static final Map<String, String> ALIASES = Map.of("enrolOpensAt", "enrolOpens", "enrolClosesAt", "enrolCloses");

    RunDialog(CourseAuthoring authoring, AuthoredCourse course, CourseRun run, Runnable saved) {
        super(RunPlan.class, ALIASES);
        setHeaderTitle(getTranslation(run == null ? "authoring.add-run" : "authoring.edit-run"));
        TextField code = new TextField(getTranslation("authoring.field.code"));
        code.setHelperText(getTranslation("authoring.code-help"));
        code.setMaxLength(RunPlan.CODE_MAX_LENGTH);
        DatePicker starts = new DatePicker(getTranslation("authoring.field.starts"));
        DatePicker ends = new DatePicker(getTranslation("authoring.field.ends"));
        DateTimePicker opens = new DateTimePicker(getTranslation("authoring.field.enrol-opens"));
        DateTimePicker closes = new DateTimePicker(getTranslation("authoring.field.enrol-closes"));
        ComboBox<String> zone = new ComboBox<>(getTranslation("authoring.field.time-zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList());
        IntegerField capacity = new IntegerField(getTranslation("authoring.field.capacity"));
        capacity.setMin(1);
        capacity.setMax(RunPlan.CAPACITY_MAX);
        Checkbox waitlist = new Checkbox(getTranslation("authoring.field.waitlist"), true);
        ComboBox<String> language = new ComboBox<>(getTranslation("authoring.field.language"));
        language.setItems(CourseEditorView.LANGUAGES);
        language.setItemLabelGenerator(CourseEditorView::languageName);
        Select<DeliveryMode> mode = new Select<>();
        mode.setLabel(getTranslation("authoring.field.mode"));
        mode.setItems(DeliveryMode.values());
        mode.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        TextField location = new TextField(getTranslation("authoring.field.location"));
        location.setMaxLength(RunPlan.LOCATION_MAX_LENGTH);
        BigDecimalField labHours = new BigDecimalField(getTranslation("authoring.field.lab-hours"));
        labHours.setHelperText(getTranslation("authoring.lab-hours-help"));

        binder.forField(code).bind("code");
        binder.forField(starts).bind("startsOn");
        binder.forField(ends).bind("endsOn");
        binder.forField(opens).bind("enrolOpens");
        binder.forField(closes).bind("enrolCloses");
        binder.forField(zone).withConverter(id -> id == null ? null : ZoneId.of(id), timeZone -> timeZone == null ? null : timeZone.getId())
                .bind("timeZone");
        binder.forField(capacity).withConverter(seats -> seats == null ? 0 : seats, seats -> seats).bind("capacity");
        binder.forField(waitlist).bind("waitlist");
        binder.forField(language).bind("language");
        binder.forField(mode).bind("mode");
        binder.forField(location).withNullRepresentation("").bind("location");
        binder.forField(labHours).bind("labGpuHours");
        binder.readRecord(run != null ? plan(run) : firstPlan(course));

        add(new FormLayout(code, capacity, starts, ends, opens, closes, zone, language, mode, location, labHours, waitlist));
        setWidth("min(48rem, 95vw)");
        addFooter(plan -> authoring.saveRun(course.id(), run == null ? null : run.id(), plan), saved);
    }

    private static RunPlan plan(CourseRun run) {
        return new RunPlan(run.code(), run.startsOn(), run.endsOn(), LocalDateTime.ofInstant(run.enrolOpensAt(), run.timeZone()),
                LocalDateTime.ofInstant(run.enrolClosesAt(), run.timeZone()), run.timeZone(), run.capacity(), run.waitlist(),
                run.language(), run.mode(), run.location(), run.labGpuHoursPerLearner());
    }

    /** A new run: starts on the first of the month after next, eight weeks long, enrolment open from today. */
    private static RunPlan firstPlan(AuthoredCourse course) {
        LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        return new RunPlan("", start, start.plusWeeks(8), LocalDateTime.of(LocalDate.now(), LocalTime.of(9, 0)),
                LocalDateTime.of(start.minusDays(3), LocalTime.of(23, 59)), ZoneId.of("Europe/Brussels"), 30, true,
                course.draft().language(), DeliveryMode.ONLINE, "", null);
    }
}
