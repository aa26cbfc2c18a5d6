package eu.aiskills.academy.labs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.labs.LabsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes a lab folder for a test and imports it, as the start-up import would. */
@Component
public class LabTestContent {

    private final LabsProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private final PassedAsIs passedAsIs;
    private final Catalogue catalogue;

    LabTestContent(LabsProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions, PassedAsIs passedAsIs, Catalogue catalogue) {
        this.properties = properties;
        this.passedAsIs = passedAsIs;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A CPU lab with one code cell and the given checks (YAML list items). */
    public void importLab(Path root, String slug, String course, String lesson, String checks, String code) throws IOException {
        Path folder = Files.createDirectories(root.resolve(slug));
        Files.writeString(folder.resolve("lab.yaml"), """
                slug: %s
                title: Test lab %s
                course: %s
                lesson: %s
                kernel: python3
                packages: []
                resources: {gpus: 0, memoryMb: 1024, minutes: 30, idleMinutes: 5}
                checks:
                %s
                """.formatted(slug, slug, course, lesson, checks.indent(2)));
        Files.writeString(folder.resolve("template.ipynb"), """
                {"cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "source": %s, "execution_count": null, "outputs": []}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.formatted(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(code)));
        reimport(root);
    }

    /** Imports the lab folders under {@code root} again (after a test changed one). */
    public void reimport(Path root) {
        LabsProperties here = new LabsProperties(root.toUri().toString(), true, properties.maxLocalSessions(), properties.extension(),
                properties.maxSessionLength(), properties.sandbox());
        new LabContentImport(here, jdbc, transactions, passedAsIs, catalogue, Clock.systemUTC()).importAll();
    }
}
