package eu.aiskills.academy.talent.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.NotFoundException;
import eu.aiskills.academy.shared.ui.Views;
import eu.aiskills.academy.talent.CandidateProfile;
import eu.aiskills.academy.talent.CandidateSkill;
import eu.aiskills.academy.talent.Candidates;
import eu.aiskills.academy.talent.SkillSource;

/** A candidate's profile as an employer may read it: headline, place, skills with where each comes from, experience, education. */
@org.springframework.modulith.NamedInterface("profile-dialog")
public class CandidateProfileDialog extends Dialog {

    /**
     * Opens the candidate's profile over {@code host}, as the signed-in employer may read it; a
     * profile they may no longer read (consent withdrawn, erased) is said so instead.
     */
    public static <V extends Component & HasComponents> void show(V host, Candidates candidates, AccountId candidate) {
        CandidateProfile profile;
        try {
            profile = candidates.profileFor(candidate);
        } catch (NotFoundException e) {
            Views.error(host.getTranslation("candidate.not-found"));
            return;
        }
        CandidateProfileDialog dialog = new CandidateProfileDialog(profile);
        host.add(dialog);
        dialog.open();
    }

    CandidateProfileDialog(CandidateProfile profile) {
        setHeaderTitle(profile.displayName());
        setWidth("min(48rem, 95vw)");
        add(new Paragraph(profile.draft().headline()));
        if (profile.draft().country() != null) {
            String city = profile.draft().city() == null ? "" : profile.draft().city() + ", ";
            add(new Paragraph(city + Locale.of("", profile.draft().country()).getDisplayCountry(getLocale())));
        }
        add(new H3(getTranslation("profile.skills")), skillList(profile.skills()));
        if (!profile.draft().experience().isBlank()) {
            add(new H3(getTranslation("profile.experience")), Views.markdown(profile.draft().experience()));
        }
        if (!profile.draft().education().isBlank()) {
            add(new H3(getTranslation("profile.education")), Views.markdown(profile.draft().education()));
        }
        getFooter().add(new Button(getTranslation("common.close"), click -> close()));
    }

    /** Skills with a badge saying where each comes from (declared, CV, a course, verified by assessed work) and which credential says so. */
    static UnorderedList skillList(List<CandidateSkill> skills) {
        UnorderedList list = new UnorderedList();
        list.addClassName("academy-skill-list");
        for (CandidateSkill skill : skills) {
            Span source = new Span(com.vaadin.flow.component.UI.getCurrent().getTranslation(skill.source().messageKey()));
            source.getElement().setAttribute("theme", skill.source() == SkillSource.VERIFIED ? "badge success" : "badge contrast");
            ListItem item = new ListItem(new Span(skill.label() + " "), source);
            if (skill.evidence() != null && (skill.source() == SkillSource.VERIFIED || skill.source() == SkillSource.COURSE)) {
                Span evidence = new Span(" " + com.vaadin.flow.component.UI.getCurrent().getTranslation("profile.evidence", skill.evidence()));
                evidence.addClassName("academy-note");
                item.add(evidence);
            }
            list.add(item);
        }
        return list;
    }
}
