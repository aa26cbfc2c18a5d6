package eu.aiskills.academy.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Catalogue settings.
 *
 * @param contentLocation    where the course folders ({@code <slug>/course.yaml} and lesson
 *                           Markdown files) are read from at start-up; a Spring resource location
 * @param skillsLocation     the ESCO skills excerpt ({@code esco-skills.yaml})
 * @param programmesLocation where the programme folders ({@code <slug>/programme.yaml}) are read from
 * @param importContent      whether to import skills, courses and programmes at start-up
 */
@ConfigurationProperties("academy.catalogue")
@Validated
public record CatalogueProperties(
        @DefaultValue("classpath:/content/courses/") @NotBlank String contentLocation,
        @DefaultValue("classpath:/content/skills/esco-skills.yaml") @NotBlank String skillsLocation,
        @DefaultValue("classpath:/content/programmes/") @NotBlank String programmesLocation,
        @DefaultValue("true") boolean importContent) {
}
