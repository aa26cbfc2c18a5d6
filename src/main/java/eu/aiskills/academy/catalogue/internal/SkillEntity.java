package eu.aiskills.academy.catalogue.internal;

import eu.aiskills.academy.catalogue.Skill;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "skill")
public class SkillEntity {

    @Id
    @Column(length = 200)
    private String uri;

    @Column(nullable = false, length = 300)
    private String label;

    @Column(name = "reuse_level", length = 20)
    private String reuseLevel;

    @Column(name = "skill_group", nullable = false, length = 30)
    private String group;

    protected SkillEntity() {
    }

    SkillEntity(String uri) {
        this.uri = uri;
    }

    /** Whether anything changed. */
    boolean update(String label, String reuseLevel, String group) {
        boolean changed = !label.equals(this.label) || !java.util.Objects.equals(reuseLevel, this.reuseLevel)
                || !group.equals(this.group);
        this.label = label;
        this.reuseLevel = reuseLevel;
        this.group = group;
        return changed;
    }

    public String uri() {
        return uri;
    }

    public String group() {
        return group;
    }

    public Skill toSkill() {
        return new Skill(uri, label);
    }
}
