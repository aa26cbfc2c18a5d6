package eu.aiskills.academy.catalogue.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.aiskills.academy.catalogue.CatalogueProperties;
import eu.aiskills.academy.catalogue.Skill;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.shared.ContentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the ESCO skills excerpt ({@code content/skills/esco-skills.yaml}) before the courses
 * that refer to it. New skills are added and changed labels updated; a skill dropped from the
 * file stays, because courses, postings and issued credentials may still name it.
 */
@Component
@Order(25)
public class SkillContentImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SkillContentImport.class);
    static final List<String> GROUPS = List.of("ai", "programming", "mathematics", "data", "research", "responsibility");

    record SkillsFile(String source, String sourceUri, String version, List<Entry> skills) {
    }

    record Entry(String uri, String label, String reuse, String group) {
    }

    private final CatalogueProperties properties;
    private final Skills skills;
    private final TransactionTemplate transactions;

    SkillContentImport(CatalogueProperties properties, Skills skills, TransactionTemplate transactions) {
        this.properties = properties;
        this.skills = skills;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importContent()) {
            importAll();
        }
    }

    public int importAll() {
        Resource resource = new DefaultResourceLoader().getResource(properties.skillsLocation());
        SkillsFile file = ContentFiles.yaml(ContentFiles.read(resource), SkillsFile.class);
        validate(file, resource);
        Integer changed = SystemActor.call(() -> transactions.execute(status -> {
            int count = 0;
            for (Entry entry : file.skills()) {
                SkillEntity skill = skills.findById(entry.uri()).orElseGet(() -> new SkillEntity(entry.uri()));
                if (skill.update(entry.label().strip(), entry.reuse(), entry.group())) {
                    skills.save(skill);
                    count++;
                }
            }
            return count;
        }));
        log.info("Skills: {} read from {} ({}), {} created or changed", file.skills().size(), resource.getDescription(),
                file.version(), changed);
        return changed == null ? 0 : changed;
    }

    private static void validate(SkillsFile file, Resource source) {
        List<String> problems = new ArrayList<>();
        if (file.source() == null || file.version() == null) {
            problems.add("source and version are required");
        }
        if (file.skills() == null || file.skills().isEmpty()) {
            problems.add("no skills listed");
        } else {
            Set<String> seen = new HashSet<>();
            for (Entry entry : file.skills()) {
                if (entry.uri() == null || !entry.uri().startsWith(Skill.ESCO_PREFIX) || entry.uri().length() > 200) {
                    problems.add("'" + entry.uri() + "' is not an ESCO skill URI (" + Skill.ESCO_PREFIX + "<id>)");
                } else if (!seen.add(entry.uri())) {
                    problems.add(entry.uri() + " is listed twice");
                }
                if (entry.label() == null || entry.label().isBlank() || entry.label().length() > 300) {
                    problems.add(entry.uri() + " needs a label of at most 300 characters");
                }
                if (!GROUPS.contains(entry.group())) {
                    problems.add(entry.uri() + ": group must be one of " + GROUPS);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Skills file " + source.getDescription() + " is invalid: " + String.join("; ", problems));
        }
    }
}
