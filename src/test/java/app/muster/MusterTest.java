package app.muster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** A test of the whole application, with the demo MSP loaded into a database of the test's own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "muster.admin.password=" + MusterTest.ADMIN_PASSWORD)
@ContextConfiguration(initializers = TestDatabase.class)
public @interface MusterTest {

    String ADMIN = "admin@demo-msp.example";
    String ADMIN_PASSWORD = "demo-admin-password-for-tests";
}
