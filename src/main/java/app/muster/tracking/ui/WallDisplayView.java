package app.muster.tracking.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.LiveData;
import app.muster.base.ui.SummaryCard;
import app.muster.enrollment.TrainingEvents;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import app.muster.tracking.TrainingDashboard;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The dashboard for a screen on the office wall: large live numbers and no controls. */
@Route(value = "msp/training/wall", autoLayout = false)
@PageTitle("Training · Wall display · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class WallDisplayView extends VerticalLayout {

    final SummaryCard totalCard = new SummaryCard("Course enrollments", "wall-total");
    final SummaryCard completedCard = new SummaryCard("Completed", "wall-completed");
    final SummaryCard scheduledCard = new SummaryCard("Scheduled", "wall-scheduled");
    final SummaryCard failedCard = new SummaryCard("Need attention", "wall-failed");
    final SummaryCard clientsCard = new SummaryCard("Clients in training", "wall-clients");

    WallDisplayView(TrainingOverview overview, TrainingEvents events, CurrentAdmin currentAdmin) {
        TenantScope scope = currentAdmin.get().scope();
        var cards = new Div(totalCard, completedCard, scheduledCard, failedCard, clientsCard);
        cards.addClassName("summary-cards");

        addClassName("wall-display");
        add(new H1("Security-awareness training"), cards);
        LiveData.follow(
                this, () -> events.changes(scope), () -> overview.dashboard(scope), this::show, ErrorMessages::show);
    }

    private void show(TrainingDashboard dashboard) {
        totalCard.setValue(dashboard.totals().courseEnrollments());
        completedCard.setValue(dashboard.totals().completed());
        completedCard.setCaption(
                String.format("%,d learners done", dashboard.totals().learnersCompleted()));
        scheduledCard.setValue(dashboard.totals().scheduled());
        failedCard.setValue(dashboard.totals().failed());
        clientsCard.setValue(
                dashboard.clients().stream().filter(client -> !client.pending()).count());
    }
}
