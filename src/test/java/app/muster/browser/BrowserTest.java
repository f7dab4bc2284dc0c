package app.muster.browser;

import app.muster.TestTenants;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A test that drives Muster, served on a random port, with the system's headless Chromium: one browser for the
 * class, closed after it, and a screenshot of every open page when a test fails.
 */
@MusterServerTest
@TestInstance(Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestTenants tenants;

    @Autowired
    protected ClientOrgs clientOrgs;

    @Autowired
    protected CourseLibrary courseLibrary;

    @Autowired
    protected DatabaseClient db;

    protected Chromium chromium;

    @RegisterExtension
    final FailureScreenshots failureScreenshots = new FailureScreenshots(() -> chromium);

    @BeforeAll
    void openBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
