package eu.aiskills.academy.talent;

import java.time.ZoneOffset;
import java.util.Map;

import eu.aiskills.academy.shared.Markdown;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A posting as schema.org {@code JobPosting} JSON-LD for search engines and job aggregators:
 * skills as {@code DefinedTerm}s with their ESCO URI, the employer, places or remote work, the salary.
 */
public final class PostingStructuredData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PostingStructuredData() {
    }

    /** The JSON-LD object; {@code skillLabels} names each ESCO skill URI, {@code url} is the posting's public page. */
    public static String jsonLd(Posting posting, Map<String, String> skillLabels, String url) {
        PostingDraft d = posting.draft();
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "JobPosting");
        root.put("title", d.title());
        root.put("description", Markdown.toSafeHtml(d.description()));
        root.put("url", url);
        if (posting.publishedAt() != null) {
            root.put("datePosted", posting.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        root.put("validThrough", d.closesOn() + "T23:59:59Z");
        root.put("employmentType", switch (d.kind()) {
            case JOB, RETURNSHIP -> "FULL_TIME";
            case INTERNSHIP -> "INTERN";
            case APPRENTICESHIP, SCHOLARSHIP -> "OTHER";
        });
        root.put("totalJobOpenings", d.openings());
        ObjectNode organisation = root.putObject("hiringOrganization");
        organisation.put("@type", "Organization");
        organisation.put("name", posting.organisationName());
        if (d.remote() == RemotePolicy.REMOTE) {
            root.put("jobLocationType", "TELECOMMUTE");
            root.putArray("applicantLocationRequirements").addObject().put("@type", "Country").put("name", d.workCountry());
        }
        ArrayNode places = root.putArray("jobLocation");
        for (String place : d.locations()) {
            ObjectNode location = places.addObject();
            location.put("@type", "Place");
            location.putObject("address").put("@type", "PostalAddress").put("addressLocality", place)
                    .put("addressCountry", d.workCountry());
        }
        if (d.salaryMin() != null || d.salaryMax() != null) {
            ObjectNode salary = root.putObject("baseSalary");
            salary.put("@type", "MonetaryAmount");
            salary.put("currency", d.salaryCurrency());
            ObjectNode value = salary.putObject("value");
            value.put("@type", "QuantitativeValue");
            if (d.salaryMin() != null) {
                value.put("minValue", d.salaryMin());
            }
            if (d.salaryMax() != null) {
                value.put("maxValue", d.salaryMax());
            }
            value.put("unitText", d.salaryPeriod());
        }
        if (d.occupationUri() != null) {
            root.putObject("occupationalCategory").put("@type", "CategoryCode").put("codeValue", d.occupationUri())
                    .put("inCodeSet", "http://data.europa.eu/esco/occupation");
        }
        ArrayNode skills = root.putArray("skills");
        for (String uri : d.requiredSkills()) {
            skill(skills, uri, skillLabels);
        }
        ArrayNode optional = root.putArray("qualifications");
        for (String uri : d.optionalSkills()) {
            skill(optional, uri, skillLabels);
        }
        ArrayNode languages = root.putArray("inLanguage");
        d.languages().forEach(languages::add);
        return JSON.writeValueAsString(root);
    }

    private static void skill(ArrayNode into, String uri, Map<String, String> labels) {
        ObjectNode term = into.addObject();
        term.put("@type", "DefinedTerm");
        term.put("name", labels.getOrDefault(uri, uri));
        term.put("url", uri);
        term.put("termCode", uri.substring(uri.lastIndexOf('/') + 1));
        term.putObject("inDefinedTermSet").put("@type", "DefinedTermSet").put("name", "ESCO skills")
                .put("url", "http://data.europa.eu/esco/skill");
    }
}
