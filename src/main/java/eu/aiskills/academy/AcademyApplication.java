package eu.aiskills.academy;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The AI Skills Academy platform. Each direct sub-package is a Spring Modulith application
 * module; {@code shared} holds the few types every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
@Modulithic(sharedModules = "shared")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://styles/academy.css")
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@Meta(name = "description", content = "The EU AI Skills Academy: AI courses, labs on the EuroHPC AI Factories, fellowships and AI jobs.")
public class AcademyApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AcademyApplication.class, args);
    }
}
