package app.muster.base.ui;

import app.muster.security.CurrentAdmin;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The bare address goes to the admin's own training page: the MSP dashboard, or an org admin's org portal. */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentAdmin currentAdmin;

    HomeView(CurrentAdmin currentAdmin) {
        this.currentAdmin = currentAdmin;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(currentAdmin.get().isOrgAdmin() ? "org/training" : "msp/training");
    }
}
