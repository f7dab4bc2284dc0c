package app.muster.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** What a browser test does with Muster's Vaadin pages: sign in, wait for the app, read cards and grids. */
public final class VaadinPages {

    /**
     * True once Vaadin Flow has started on the page and has no request to the server in flight: the page then
     * shows what the server last sent.
     */
    private static final String FLOW_IDLE = """
            () => {
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients) {
                    return false;
                }
                const flow = Object.values(clients).filter(client => client && typeof client.isActive === 'function');
                return flow.length > 0 && flow.every(client => !client.isActive());
            }
            """;

    /** The text of each cell of each shown row of a vaadin-grid; cells render in light DOM through slots. */
    private static final String GRID_ROWS = """
            grid => Array.from(grid.shadowRoot.querySelectorAll('tbody#items > tr'))
                .filter(row => !row.hidden)
                .map(row => Array.from(row.querySelectorAll(':scope > td')).map(cell => {
                    const slot = cell.querySelector('slot');
                    const content = slot ? slot.assignedElements({ flatten: true }) : [];
                    return content.map(element => element.innerText.trim()).join(' ').trim();
                }))
            """;

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final Pattern NUMBER = Pattern.compile("\\d");

    private VaadinPages() {}

    /**
     * Opens {@code path}, signs in on the login page it redirects to, and waits until {@code path} is shown again
     * (Spring Security may add a query string when it sends the browser back).
     */
    public static void signIn(Page page, String baseUrl, String path, String username, String password) {
        page.navigate(baseUrl + path);
        page.waitForURL(url -> pathOf(url).equals("/login"));
        awaitVaadin(page);
        page.getByLabel("Username", EXACT).fill(username);
        page.getByLabel("Password", EXACT).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(url -> pathOf(url).equals(path));
        awaitVaadin(page);
    }

    public static String pathOf(String url) {
        return URI.create(url).getPath();
    }

    public static void open(Page page, String url) {
        page.navigate(url);
        awaitVaadin(page);
    }

    public static void awaitVaadin(Page page) {
        page.waitForFunction(FLOW_IDLE);
    }

    /** The number of a summary card, once the page has loaded it (a card shows a dash until then). */
    public static long cardValue(Page page, String cardId) {
        Locator value = cardValueOf(page, cardId);
        assertThat(value).hasText(NUMBER);
        return Long.parseLong(value.innerText().replaceAll("\\D", ""));
    }

    public static Locator cardValueOf(Page page, String cardId) {
        return page.locator("#" + cardId + " .summary-card__value");
    }

    /** How a card shows a number: the server formats it in this JVM's default locale, as this does. */
    public static String cardText(long number) {
        return String.format("%,d", number);
    }

    @SuppressWarnings("unchecked")
    public static List<List<String>> gridRows(Locator grid) {
        return (List<List<String>>) grid.evaluate(GRID_ROWS);
    }
}
