package eu.aiskills.academy.assessment;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where question banks and quizzes come from.
 *
 * @param location      the folder holding {@code banks/*.yaml} and {@code quizzes/*.yaml}
 * @param importContent whether to import them at start-up
 */
@Validated
@ConfigurationProperties("academy.assessment")
public record AssessmentProperties(
        @DefaultValue("classpath:/content/assessment/") @NotBlank String location,
        @DefaultValue("true") boolean importContent) {
}
