package eu.aiskills.academy.compute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Compute settings.
 *
 * @param factoriesLocation where the AI Factory registry files ({@code *.yaml}) are read from at start-up
 * @param importFactories   whether to import them (and the access modes) at start-up
 * @param accessModesLocation the access modes file ({@code access-modes.yaml})
 */
@ConfigurationProperties("academy.compute")
@Validated
public record ComputeProperties(
        @DefaultValue("classpath:/content/factories/") @NotBlank String factoriesLocation,
        @DefaultValue("true") boolean importFactories,
        @DefaultValue("classpath:/content/compute/access-modes.yaml") @NotBlank String accessModesLocation) {
}
