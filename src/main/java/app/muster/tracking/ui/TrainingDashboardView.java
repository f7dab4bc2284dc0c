package app.muster.tracking.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.LiveData;
import app.muster.base.ui.StatusBadges;
import app.muster.base.ui.SummaryCard;
import app.muster.enrollment.TrainingEvents;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import app.muster.tracking.ClientTrainingRow;
import app.muster.tracking.TrainingDashboard;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import jakarta.annotation.security.RolesAllowed;

/** The Training Enrollments dashboard: totals over every client and the Client Organizations grid, live. */
@Route("msp/training")
@PageTitle("Training Enrollments · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class TrainingDashboardView extends VerticalLayout {

    final SummaryCard totalCard = new SummaryCard("Total course enrollments", "card-total");
    final SummaryCard completedCard = new SummaryCard("Completed", "card-completed");
    final SummaryCard scheduledCard = new SummaryCard("Scheduled", "card-scheduled");
    final Grid<ClientTrainingRow> clientGrid = new Grid<>();

    TrainingDashboardView(TrainingOverview overview, TrainingEvents events, CurrentAdmin currentAdmin) {
        TenantScope scope = currentAdmin.get().scope();
        var createButton = new Button(
                "Create Enrollment",
                VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate("msp/training/enrollment")));
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.setId("create-enrollment");
        configureGrid();

        addClassName("page");
        add(header(createButton), cards(), new H2("Client Organizations"), clientGrid);
        LiveData.follow(
                this, () -> events.changes(scope), () -> overview.dashboard(scope), this::show, ErrorMessages::show);
    }

    private HorizontalLayout header(Button createButton) {
        var titles = new VerticalLayout(
                new H1("Training Enrollments"),
                new Paragraph("Manage and follow training across your client organizations."));
        titles.setPadding(false);
        titles.setSpacing(false);
        var header = new HorizontalLayout(titles, createButton);
        header.setWidthFull();
        header.expand(titles);
        return header;
    }

    private Div cards() {
        var cards = new Div(totalCard, completedCard, scheduledCard);
        cards.addClassName("summary-cards");
        return cards;
    }

    private void configureGrid() {
        clientGrid.setId("client-grid");
        clientGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        clientGrid
                .addColumn(ClientTrainingRow::name)
                .setHeader("Client")
                .setFlexGrow(3)
                .setSortable(true);
        clientGrid
                .addComponentColumn(row -> StatusBadges.of(row.trainingState()))
                .setHeader("Training");
        clientGrid.addColumn(ClientTrainingRow::batches).setHeader("Batches").setSortable(true);
        clientGrid
                .addColumn(row -> row.totals().courseEnrollments())
                .setHeader("Courses")
                .setSortable(true);
        clientGrid
                .addComponentColumn(ClientStatusBadges::of)
                .setHeader("Status")
                .setWidth("20rem");
        clientGrid.setEmptyStateText("No client organizations yet. Import a client's directory to start.");
        clientGrid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                ClientTrainingView.class,
                new RouteParam("orgId", click.getItem().orgId().toString()))));
        clientGrid.setAllRowsVisible(true);
    }

    private void show(TrainingDashboard dashboard) {
        totalCard.setValue(dashboard.totals().courseEnrollments());
        completedCard.setValue(dashboard.totals().completed());
        completedCard.setCaption(String.format(
                "%,d of %,d learner assignments completed",
                dashboard.totals().learnersCompleted(), dashboard.totals().learnerAssignments()));
        scheduledCard.setValue(dashboard.totals().scheduled());
        clientGrid.setItems(dashboard.clients());
    }
}
