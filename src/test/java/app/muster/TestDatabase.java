package app.muster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Gives each test application context a database of its own: an H2 database under target/ by default, or, with
 * {@code -Dmuster.test.db=postgres}, a fresh database on the PostgreSQL at 127.0.0.1:5432 that is dropped when the
 * context closes.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    private static final String H2_DIR = "./target/test-databases/";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name =
                "muster_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (usesPostgres()) {
            createPostgres(name);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    dropPostgres(name);
                }
            });
            TestPropertyValues.of(
                            "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/" + name,
                            "spring.r2dbc.username=postgres",
                            "spring.r2dbc.password=",
                            "spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/" + name,
                            "spring.flyway.user=postgres",
                            "spring.flyway.password=",
                            "muster.db-vendor=postgresql")
                    .applyTo(context);
            return;
        }
        TestPropertyValues.of(
                        "spring.r2dbc.url=r2dbc:h2:file:///" + H2_DIR + name + H2_OPTIONS,
                        "spring.flyway.url=jdbc:h2:file:" + H2_DIR + name + H2_OPTIONS,
                        "muster.db-vendor=h2")
                .applyTo(context);
    }

    public static boolean usesPostgres() {
        return "postgres".equals(System.getProperty("muster.test.db"));
    }

    private static void createPostgres(String name) {
        execute("CREATE DATABASE " + name);
    }

    private static void dropPostgres(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 refused: " + sql, failed);
        }
    }
}
