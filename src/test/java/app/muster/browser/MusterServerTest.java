package app.muster.browser;

import app.muster.MusterTest;
import app.muster.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link MusterTest}, a whole application with the demo MSP in a database of its own, but served over HTTP on
 * a random port of 127.0.0.1, so that a real browser can use it. Read the port with {@code @LocalServerPort}.
 * Vaadin's development tools are off: their overlay would otherwise cover the page's top right corner and take the
 * clicks meant for the page.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "muster.admin.password=" + MusterTest.ADMIN_PASSWORD,
            "server.address=127.0.0.1",
            "vaadin.devmode.devTools.enabled=false"
        })
@ContextConfiguration(initializers = TestDatabase.class)
public @interface MusterServerTest {}
