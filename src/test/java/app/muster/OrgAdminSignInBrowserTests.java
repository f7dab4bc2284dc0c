package app.muster;

import static app.muster.browser.VaadinPages.awaitVaadin;
import static app.muster.browser.VaadinPages.open;
import static app.muster.browser.VaadinPages.pathOf;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.muster.browser.BrowserTest;
import app.muster.directory.ClientOrg;
import app.muster.security.OrgAdmins;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new org admin signs in on the sign-in page with the password their MSP admin handed them and lands in their org
 * portal; after changing it from the header, only the new password signs in.
 */
class OrgAdminSignInBrowserTests extends BrowserTest {

    static final String CLIENT = "Harbor Point Marina";
    static final String ORG_ADMIN = "office@harbor-point-marina.example";
    static final String NEW_PASSWORD = "tide-table-on-the-wall";

    @Autowired
    OrgAdmins orgAdmins;

    @Test
    void anOrgAdminLandsInTheirOrgPortalAndAfterAChangeOnlyTheNewPasswordSignsIn() {
        ClientOrg client = tenants.demoClient(CLIENT);
        String generated = orgAdmins
                .add(tenants.demoAdmin(), client.id(), ORG_ADMIN, "Harbor Point Office")
                .block()
                .password();
        Page page = chromium.newContext().newPage();

        signInOnTheSignInPage(page, generated);
        page.waitForURL(url -> pathOf(url).equals("/org/training"));
        awaitVaadin(page);
        assertThat(page.locator("#org-name")).hasText(CLIENT);

        page.locator("#change-password").click();
        page.locator("#current-password input").fill(generated);
        page.locator("#new-password input").fill(NEW_PASSWORD);
        page.locator("#confirm-password input").fill(NEW_PASSWORD);
        page.locator("#change-password-save").click();
        assertThat(page.getByText("Your password is changed.")).isVisible();
        page.reload();
        awaitVaadin(page);
        assertThat(page).hasURL(Pattern.compile(".*/org/training$"));
        assertThat(page.locator("#org-name")).hasText(CLIENT);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(url -> pathOf(url).equals("/login"));

        signInOnTheSignInPage(page, generated);
        page.waitForURL(url -> url.endsWith("/login?error"));
        assertThat(page.getByText("Incorrect username or password")).isVisible();

        signInOnTheSignInPage(page, NEW_PASSWORD);
        page.waitForURL(url -> pathOf(url).equals("/org/training"));
        awaitVaadin(page);
        assertThat(page.locator("#org-name")).hasText(CLIENT);
    }

    @Test
    void removingAnOrgAdminOrGivingThemANewPasswordEndsTheSessionsTheyHaveOpen() {
        ClientOrg client = tenants.demoClient(CLIENT);
        var added = orgAdmins
                .add(tenants.demoAdmin(), client.id(), "second-" + ORG_ADMIN, "Harbor Point Desk")
                .block();
        Page page = chromium.newContext().newPage();
        signInOnTheSignInPage(page, "second-" + ORG_ADMIN, added.password());
        page.waitForURL(url -> pathOf(url).equals("/org/training"));
        awaitVaadin(page);

        String newPassword = orgAdmins
                .resetPassword(tenants.demoAdmin(), client.id(), added.admin().id())
                .block();
        page.reload();
        page.waitForURL(url -> pathOf(url).equals("/login"));

        signInOnTheSignInPage(page, "second-" + ORG_ADMIN, newPassword);
        page.waitForURL(url -> pathOf(url).equals("/org/training"));
        awaitVaadin(page);
        orgAdmins.remove(tenants.demoAdmin(), client.id(), added.admin().id()).block();
        page.locator("#org-create-enrollment").click();
        page.waitForURL(url -> pathOf(url).equals("/login"));

        signInOnTheSignInPage(page, "second-" + ORG_ADMIN, newPassword);
        page.waitForURL(url -> url.endsWith("/login?error"));
    }

    private void signInOnTheSignInPage(Page page, String password) {
        signInOnTheSignInPage(page, ORG_ADMIN, password);
    }

    private void signInOnTheSignInPage(Page page, String username, String password) {
        open(page, "http://localhost:" + port + "/login");
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }
}
