package app.muster.tracking.ui;

import app.muster.audit.AuditLog;
import app.muster.base.TenantScope;
import app.muster.base.ui.LiveData;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.RouteIds;
import app.muster.enrollment.TrainingEvents;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import app.muster.security.OrgAdmins;
import app.muster.tracking.ClientTraining;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;

/** One client's Enrollment Batches, newest first, live; below them, the client's org admins. */
@Route("msp/training/:orgId")
@PageTitle("Client training · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class ClientTrainingView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    final H1 clientName = new H1();
    final BatchGrid batchGrid;
    final Button viewAsButton = new Button("View as this client", VaadinIcon.EYE.create());
    final OrgAdminsSection orgAdmins;
    private LiveData<?> live;
    private UUID orgId;

    ClientTrainingView(
            TrainingOverview overview,
            TrainingEvents events,
            CurrentAdmin currentAdmin,
            OrgAdmins admins,
            AuditLog auditLog,
            @Value("${muster.public-url:http://localhost:8080}") String publicUrl) {
        TenantScope scope = currentAdmin.get().scope();
        orgAdmins = new OrgAdminsSection(admins, auditLog, currentAdmin.get(), publicUrl);
        batchGrid = new BatchGrid(
                batchId -> getUI().ifPresent(ui -> ui.navigate(
                        BatchDetailView.class,
                        new RouteParameters(Map.of("orgId", orgId.toString(), "batchId", batchId.toString())))),
                "No batches yet. Create an enrollment to start this client's training.");

        viewAsButton.setId("view-as-client");
        viewAsButton.addClickListener(click -> {
            currentAdmin.viewAs(orgId);
            click.getSource().getUI().ifPresent(ui -> ui.navigate("org/training"));
        });
        var heading = new HorizontalLayout(clientName, viewAsButton);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        heading.setWidthFull();
        heading.expand(clientName);

        addClassName("page");
        add(heading, new Paragraph("Training enrollments of this organization."), batchGrid, orgAdmins);
        live = LiveData.follow(
                this,
                () -> events.changes(scope).filter(change -> change.orgId().equals(orgId)),
                () -> overview.client(scope, orgId),
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
                            orgAdmins.show(event.getUI(), id);
                        },
                        () -> event.rerouteToError(NotFoundException.class));
    }

    private void show(ClientTraining training) {
        clientName.setText(training.client().name());
        batchGrid.show(training.batches(), training.client().timeZone());
    }

    private void failed(Throwable error) {
        NotFoundMessage.showIn(this, "This client", error);
    }
}
