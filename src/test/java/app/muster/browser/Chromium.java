package app.muster.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The system's headless Chromium driven by Playwright. Each {@link #newContext()} is a separate browser profile
 * (own cookies, own session), so two contexts are two people signed in separately. {@link #close()} closes every
 * context, the browser and Playwright.
 */
public final class Chromium implements AutoCloseable {

    /** How long a page may take to show what a test waits for; Vaadin's first load in headless Chromium takes ~3 s. */
    public static final double TIMEOUT_MILLIS = 15_000;

    public static final int WIDTH = 1400;
    public static final int HEIGHT = 1000;

    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException failed) {
            playwright.close();
            throw failed;
        }
    }

    public BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS * 2);
        contexts.add(context);
        return context;
    }

    public List<BrowserContext> contexts() {
        return List.copyOf(contexts);
    }

    @Override
    public void close() {
        try {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
