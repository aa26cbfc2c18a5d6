package eu.aiskills.academy.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Catalogue settings.
 *
 * @param contentLocation where the course folders ({@code <slug>/course.yaml} and lesson
 *                        Markdown files) are read from at start-up; a Spring resource location
 * @param importContent   whether to import them at start-up
 */
@ConfigurationProperties("academy.catalogue")
@Validated
public record CatalogueProperties(
        @DefaultValue("classpath:/content/courses/") @NotBlank String contentLocation,
        @DefaultValue("true") boolean importContent) {
}
