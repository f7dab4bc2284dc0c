package app.muster.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a browser test fails, saves a screenshot of every page it had open under target/browser-failures/, named
 * after the test, so a failure on a build machine can be seen and not only read.
 */
public final class FailureScreenshots implements TestWatcher {

    private static final Path FOLDER = Paths.get("target", "browser-failures");

    private final Supplier<Chromium> chromium;

    public FailureScreenshots(Supplier<Chromium> chromium) {
        this.chromium = chromium;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Chromium browser = chromium.get();
        if (browser == null) {
            return;
        }
        int number = 0;
        for (BrowserContext browserContext : browser.contexts()) {
            for (Page page : browserContext.pages()) {
                number++;
                Path file = FOLDER.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-" + number + ".png");
                try {
                    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                    System.err.println("Browser page " + page.url() + " at failure: " + file.toAbsolutePath());
                } catch (RuntimeException unavailable) {
                    System.err.println("No screenshot of " + page.url() + ": " + unavailable.getMessage());
                }
            }
        }
    }
}
