package app.muster.tracking.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.LiveData;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.SummaryCard;
import app.muster.enrollment.TrainingEvents;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import app.muster.tracking.ClientTraining;
import app.muster.tracking.TrainingDashboard;
import app.muster.tracking.TrainingOverview;
import app.muster.tracking.TrainingTotals;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The org portal's home: the org's own totals and Enrollment Batches, live. */
@Route("org/training")
@PageTitle("Training · Muster")
@RolesAllowed({AdminPrincipal.ORG_ADMIN, AdminPrincipal.MSP_ADMIN})
public class OrgTrainingView extends VerticalLayout implements BeforeEnterObserver {

    final H1 heading = new H1("Training");
    final SummaryCard enrolledCard = new SummaryCard("Course enrollments", "card-enrolled");
    final SummaryCard completedCard = new SummaryCard("Completed", "card-completed");
    final SummaryCard scheduledCard = new SummaryCard("Scheduled", "card-scheduled");
    final SummaryCard failedCard = new SummaryCard("Failed", "card-failed");
    final Paragraph learnerProgress = new Paragraph();
    final BatchGrid batchGrid;
    final Button createButton = new Button("Create Enrollment", VaadinIcon.PLUS.create());
    final Paragraph notSetUp = new Paragraph();
    private final Optional<TenantScope> scope;

    OrgTrainingView(TrainingOverview overview, TrainingEvents events, CurrentAdmin currentAdmin) {
        scope = currentAdmin.orgPortalScope();
        batchGrid = new BatchGrid(
                batchId -> getUI().ifPresent(ui -> ui.navigate("org/training/" + batchId)),
                "No batches yet. Create an enrollment to start your organization's training.");
        notSetUp.setId("not-set-up");
        notSetUp.addClassName("blocker-message");
        notSetUp.setVisible(false);
        createButton.setId("org-create-enrollment");
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.addClickListener(
                click -> click.getSource().getUI().ifPresent(ui -> ui.navigate("org/training/enrollment")));
        var top = new HorizontalLayout(heading, createButton);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.setWidthFull();
        top.expand(heading);

        var cards = new Div(enrolledCard, completedCard, scheduledCard, failedCard);
        cards.addClassName("summary-cards");
        learnerProgress.addClassName("learner-progress");
        addClassName("page");
        add(top, notSetUp, cards, learnerProgress, batchGrid);
        scope.ifPresent(reach -> LiveData.follow(
                this,
                () -> events.changes(reach),
                () -> Mono.zip(overview.client(reach, reach.clientOrgId()), overview.dashboard(reach), OrgPage::new),
                this::show,
                this::failed));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (scope.isEmpty()) {
            event.forwardTo("msp/training");
        }
    }

    private record OrgPage(ClientTraining training, TrainingDashboard dashboard) {}

    private void show(OrgPage page) {
        var training = page.training();
        heading.setText(training.client().name() + " training");
        boolean ready = training.client().ready();
        createButton.setVisible(ready);
        notSetUp.setVisible(!ready);
        notSetUp.setText(
                ready
                        ? ""
                        : training.client().name()
                                + " is not set up for training yet, so enrollments cannot be launched. "
                                + "Your MSP finishes setting up its training access; ask them when it will be ready.");
        batchGrid.show(training.batches(), training.client().timeZone());
        showTotals(page.dashboard().totals());
    }

    private void showTotals(TrainingTotals totals) {
        enrolledCard.setValue(totals.courseEnrollments());
        completedCard.setValue(totals.completed());
        scheduledCard.setValue(totals.scheduled());
        failedCard.setValue(totals.failed());
        learnerProgress.setText(
                totals.learnersCompleted() + " of " + totals.learnerAssignments() + " learner assignments completed");
    }

    private void failed(Throwable error) {
        NotFoundMessage.showIn(this, "This client", error);
    }
}
