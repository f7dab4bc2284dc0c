package app.muster.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.security.AdminPrincipal;
import app.muster.security.ApiTokens;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.confirmdialog.ConfirmDialogTester;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** Revoking a token stops the scripts that use it, so the page asks first, and only Revoke revokes. */
@MusterTest
@WithAnonymousUser
class ApiTokensViewTests extends ViewTest {

    @Autowired
    ApiTokens apiTokens;

    @Test
    void revokeAsksFirstAndKeepingTheTokenLeavesItWorking() {
        AdminPrincipal admin = emptyMspAdmin();
        String token = apiTokens.create(admin, "nightly export").block();
        signInAs(admin);
        var view = navigate(ApiTokensView.class);

        eventually(() -> assertThat(test(view.tokenGrid).size()).isEqualTo(1));
        test(revokeButton(view)).click();
        var question = question();
        assertThat(question.getHeader()).isEqualTo("Revoke the token nightly export?");
        question.cancel();

        assertThat(apiTokens.live(token).block())
                .as("token still works after Keep it")
                .isTrue();

        test(revokeButton(view)).click();
        question().confirm();

        eventually(() ->
                assertThat(apiTokens.live(token).block()).as("token works").isFalse());
    }

    /** The last column of the token's row: Revoke, shown while the token works. */
    private Button revokeButton(ApiTokensView view) {
        var grid = test(view.tokenGrid);
        return (Button) grid.getCellComponent(0, view.tokenGrid.getColumns().size() - 1);
    }

    private ConfirmDialogTester question() {
        return test(
                find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single());
    }
}
