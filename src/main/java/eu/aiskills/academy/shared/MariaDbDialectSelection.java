package eu.aiskills.academy.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.MariaDBDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * MariaDB answers MySQL clients with a version such as {@code 5.5.5-10.11.19-MariaDB}, and
 * Hibernate chooses its MariaDB dialect only for the MariaDB driver. Through MySQL Connector/J
 * it would take MariaDB for MySQL 5.5 and, among other things, drop fractional seconds. When
 * no dialect is configured and the server says it is MariaDB, this selects the MariaDB dialect.
 */
@Configuration(proxyBeanMethods = false)
public class MariaDbDialectSelection implements HibernatePropertiesCustomizer {

    /** The real version after MariaDB's "5.5.5-" compatibility prefix. */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?=-MariaDB)");

    private static final Logger log = LoggerFactory.getLogger(MariaDbDialectSelection.class);

    private final DataSource dataSource;

    MariaDbDialectSelection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(Map<String, Object> properties) {
        if (properties.containsKey(AvailableSettings.DIALECT)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            if (version != null && version.contains("MariaDB")) {
                Matcher real = MARIADB_VERSION.matcher(version);
                properties.put(AvailableSettings.DIALECT, MariaDBDialect.class.getName());
                if (real.find()) {
                    properties.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, real.group(1));
                    properties.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, real.group(2));
                    properties.put(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, real.group(0));
                }
                log.info("Database is MariaDB ({}): using Hibernate's MariaDB dialect", version);
            }
        } catch (SQLException e) {
            log.warn("Could not read the database version to choose a dialect: {}", e.getMessage());
        }
    }
}
