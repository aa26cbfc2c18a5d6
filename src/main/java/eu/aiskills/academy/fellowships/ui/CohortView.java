package eu.aiskills.academy.fellowships.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import eu.aiskills.academy.fellowships.Cohorts.HoursKind;
import eu.aiskills.academy.enrolment.CohortCredentials;
import eu.aiskills.academy.fellowships.Cohorts;
import eu.aiskills.academy.labs.LabRecords;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.Views;
import jakarta.annotation.security.PermitAll;

/**
 * A cohort participant's programme: progress towards the hours and courses completion needs,
 * hours logged and co-signed, a scholarship's award and milestones; and, for mentors, the hours
 * their participants wait to have co-signed.
 */
@Route("cohorts")
@PermitAll
public class CohortView extends VerticalLayout implements HasDynamicTitle {

    private final transient Cohorts cohorts;
    private final transient LabRecords labRecords;
    private final transient CohortCredentials cohortCredentials;

    CohortView(Cohorts cohorts, LabRecords labRecords, CohortCredentials cohortCredentials) {
        this.labRecords = labRecords;
        this.cohortCredentials = cohortCredentials;
        this.cohorts = cohorts;
        addClassName("academy-cohorts");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("cohorts.title")));
        List<Cohorts.Member> mine = cohorts.myMemberships();
        List<Cohorts.Member> mentees = cohorts.mentees();
        if (mine.isEmpty() && mentees.isEmpty()) {
            add(new Paragraph(getTranslation("cohorts.none")));
        }
        mine.forEach(member -> add(participant(member)));
        if (!mentees.isEmpty()) {
            add(new H2(getTranslation("cohorts.mentees")));
            mentees.forEach(member -> add(mentee(member)));
        }
    }

    private Div participant(Cohorts.Member member) {
        Cohorts.Cohort cohort = cohorts.cohortOf(member.id());
        Div card = new Div();
        card.addClassName("academy-card");
        Span kind = new Span(getTranslation(cohort.kind().messageKey()) + (cohort.partTime()
                ? " · " + getTranslation("cohorts.part-time", cohort.hoursPerWeek().stripTrailingZeros().toPlainString()) : ""));
        kind.getElement().setAttribute("theme", "badge");
        card.add(new H2(cohort.name()), kind);
        if (member.mentorName() != null) {
            card.add(new Paragraph(getTranslation("cohorts.mentor", member.mentorName())));
        }
        card.add(progress(member));
        // Its completion credential, once issued (enrolment's page, linked by its address).
        cohortCredentials.of(member.id()).ifPresent(credential -> {
            Paragraph issued = new Paragraph(getTranslation("cohorts.credential-issued"));
            issued.add(new Span(" "), new com.vaadin.flow.component.html.Anchor("/credentials/" + credential.id().value(),
                    getTranslation("cohorts.credential-open", credential.achievementName())));
            card.add(issued);
        });
        if (member.award() != null) {
            card.add(new H3(getTranslation("cohorts.award", member.award().stripTrailingZeros().toPlainString(), member.currency())));
            if (member.conditions() != null) {
                card.add(new Paragraph(member.conditions()));
            }
            UnorderedList milestones = new UnorderedList();
            cohorts.milestonesOf(member.id()).forEach(m -> milestones.add(new ListItem(getTranslation(m.releasedAt() == null
                    ? "cohorts.milestone-due" : "cohorts.milestone-released", m.label(), m.amount().stripTrailingZeros().toPlainString(),
                    Views.date(this, m.dueOn())))));
            card.add(milestones);
        }
        card.add(new H3(getTranslation("cohorts.log")), logForm(member), ledger(member, false));
        return card;
    }

    private Div mentee(Cohorts.Member member) {
        Div card = new Div(new H3(member.name() + " · " + cohorts.cohortOf(member.id()).name()), progress(member), ledger(member, true));
        card.addClassName("academy-card");
        return card;
    }

    /** Co-signed hours against the requirement as bars, with the numbers written beside them. */
    private Div progress(Cohorts.Member member) {
        Cohorts.Progress p = cohorts.progress(member.id());
        Div box = new Div();
        box.addClassName("academy-cohort-progress");
        box.add(bar("cohorts.training", p.trainingCosigned(), p.trainingRequired()));
        if (p.workRequired().signum() > 0) {
            box.add(bar("cohorts.work", p.workCosigned(), p.workRequired()));
        }
        if (p.pending().signum() > 0) {
            box.add(new Paragraph(getTranslation("cohorts.pending", p.pending().stripTrailingZeros().toPlainString())));
        }
        box.add(new Paragraph(getTranslation("cohorts.courses", p.coursesDone().size(), p.coursesDone().size() + p.coursesLeft().size())));
        Paragraph state = new Paragraph(getTranslation(p.complete() ? "cohorts.complete" : "cohorts.not-complete"));
        state.addClassName("academy-status-line");
        box.add(state);
        return box;
    }

    private Div bar(String key, BigDecimal done, BigDecimal required) {
        String label = getTranslation(key, done.stripTrailingZeros().toPlainString(), required.stripTrailingZeros().toPlainString());
        double share = required.signum() == 0 ? 1 : Math.min(1, done.divide(required, 4, RoundingMode.HALF_UP).doubleValue());
        ProgressBar bar = new ProgressBar(0, 1, share);
        bar.getElement().setAttribute("aria-label", label);
        return new Div(new Span(label), bar);
    }

    private HorizontalLayout logForm(Cohorts.Member member) {
        Select<HoursKind> kind = new Select<>();
        kind.setLabel(getTranslation("cohorts.kind"));
        kind.setItems(HoursKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation(k.messageKey()));
        kind.setValue(HoursKind.ON_THE_JOB);
        DatePicker day = new DatePicker(getTranslation("cohorts.day"));
        day.setValue(LocalDate.now(ZoneOffset.UTC));
        BigDecimalField hours = new BigDecimalField(getTranslation("cohorts.hours"));
        TextField note = new TextField(getTranslation("cohorts.note"));
        note.setMaxLength(Cohorts.NOTE_MAX);
        // Hours may cite the lab work they were spent on: the mentor then sees its metered time, revision and score.
        Select<LabRecords.WorkRecord> evidence = new Select<>();
        evidence.setLabel(getTranslation("cohorts.evidence"));
        evidence.setHelperText(getTranslation("cohorts.evidence-help"));
        evidence.setEmptySelectionAllowed(true);
        evidence.setEmptySelectionCaption(getTranslation("cohorts.evidence-none"));
        evidence.setItems(labRecords.mine());
        evidence.setItemLabelGenerator(r -> r == null ? getTranslation("cohorts.evidence-none") : r.description());
        evidence.setWidth("min(100%, 32rem)");
        Button log = new Button(getTranslation("cohorts.log-button"), click -> {
            try {
                cohorts.logHours(member.id(), kind.getValue(), day.getValue(), hours.getValue(), note.getValue(),
                        evidence.getValue() == null ? null : evidence.getValue().ref());
                Views.success(getTranslation("cohorts.logged"));
                render();
            } catch (UserFacingException e) {
                Views.showRejection(this, e, Map.of("workedOn", day, "hours", hours, "note", note, "evidence", evidence));
            }
        });
        log.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(kind, day, hours, note, evidence, log);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private UnorderedList ledger(Cohorts.Member member, boolean asMentor) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-hours-ledger");
        for (Cohorts.HoursEntry entry : cohorts.ledger(member.id())) {
            ListItem item = new ListItem(new Span(getTranslation("cohorts.entry", Views.date(this, entry.workedOn()),
                    entry.hours().stripTrailingZeros().toPlainString(), getTranslation(entry.kind().messageKey()), entry.note()) + " "));
            if (entry.evidence() != null) {
                Div cited = new Div(new Span(getTranslation("cohorts.evidence-cited", entry.evidence())));
                cited.addClassName("academy-note");
                item.add(cited);
            }
            if (entry.cosigned()) {
                Span signed = new Span(getTranslation("cohorts.cosigned-by", entry.cosignedBy()));
                signed.getElement().setAttribute("theme", "badge success");
                item.add(signed);
            } else if (asMentor) {
                Button cosign = new Button(getTranslation("cohorts.cosign"), click -> {
                    try {
                        cohorts.cosign(entry.id());
                    } catch (UserFacingException e) {
                        Views.error(getTranslation(e.messageKey(), e.arguments()));
                    }
                    render();
                });
                cosign.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
                cosign.setAriaLabel(getTranslation("cohorts.cosign-named", member.name(), Views.date(this, entry.workedOn())));
                item.add(cosign);
            } else {
                Span waiting = new Span(getTranslation("cohorts.waiting"));
                waiting.getElement().setAttribute("theme", "badge contrast");
                item.add(waiting);
            }
            list.add(item);
        }
        return list;
    }

    @Override
    public String getPageTitle() {
        return Views.pageTitle(this, "cohorts.title");
    }
}
