package app.muster.tracking.ui;

import app.muster.base.NotFound;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.LiveData;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.RouteIds;
import app.muster.base.ui.StatusBadges;
import app.muster.enrollment.TrainingEvents;
import app.muster.security.CurrentAdmin;
import app.muster.security.MspAdminPrincipal;
import app.muster.tracking.BatchRow;
import app.muster.tracking.ClientTraining;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.UUID;

/** One client's Enrollment Batches, newest first, live. */
@Route("msp/training/:orgId")
@PageTitle("Client training · Muster")
@RolesAllowed(MspAdminPrincipal.ROLE)
public class ClientTrainingView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    final H1 clientName = new H1();
    final Grid<BatchRow> batchGrid = new Grid<>();
    private LiveData<?> live;
    private UUID orgId;
    private ZoneId timeZone = ZoneId.of("UTC");

    ClientTrainingView(TrainingOverview overview, TrainingEvents events, CurrentAdmin currentAdmin) {
        UUID mspId = currentAdmin.get().mspId();
        configureGrid();

        addClassName("page");
        add(clientName, new Paragraph("Training enrollments of this organization."), batchGrid);
        live = LiveData.follow(
                this,
                () -> events.changes(mspId).filter(change -> change.orgId().equals(orgId)),
                () -> overview.client(mspId, orgId),
                this::show,
                this::failed);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.uuid(event, "orgId")
                .ifPresentOrElse(
                        id -> {
                            orgId = id;
                            live.reload();
                        },
                        () -> event.rerouteToError(NotFoundException.class));
    }

    private void configureGrid() {
        batchGrid.setId("batch-grid");
        batchGrid.addColumn(BatchRow::name).setHeader("Batch").setFlexGrow(3);
        batchGrid.addColumn(BatchRow::courses).setHeader("Courses");
        batchGrid.addComponentColumn(row -> StatusBadges.of(row.status())).setHeader("Status");
        batchGrid
                .addColumn(row -> row.nextEnrollOn() == null ? "—" : DATE.format(row.nextEnrollOn()))
                .setHeader("Next enrollment");
        batchGrid
                .addColumn(row -> DATE.format(row.createdAt().atZone(timeZone)))
                .setHeader("Created");
        batchGrid.setEmptyStateText("No batches yet. Create an enrollment to start this client's training.");
        batchGrid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                BatchDetailView.class,
                new RouteParameters(Map.of(
                        "orgId",
                        orgId.toString(),
                        "batchId",
                        click.getItem().batchId().toString())))));
        batchGrid.setAllRowsVisible(true);
    }

    private void show(ClientTraining training) {
        timeZone = training.client().timeZone();
        clientName.setText(training.client().name());
        batchGrid.setItems(training.batches());
    }

    private void failed(Throwable error) {
        if (error instanceof NotFound) {
            removeAll();
            add(new NotFoundMessage("This client"));
            return;
        }
        ErrorMessages.show(error);
    }
}
