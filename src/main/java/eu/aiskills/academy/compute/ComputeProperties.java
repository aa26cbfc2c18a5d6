package eu.aiskills.academy.compute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Compute settings.
 *
 * @param factoriesLocation where the AI Factory registry files ({@code *.yaml}) are read from at start-up
 * @param importFactories   whether to import them at start-up
 */
@ConfigurationProperties("academy.compute")
@Validated
public record ComputeProperties(
        @DefaultValue("classpath:/content/factories/") @NotBlank String factoriesLocation,
        @DefaultValue("true") boolean importFactories) {
}
