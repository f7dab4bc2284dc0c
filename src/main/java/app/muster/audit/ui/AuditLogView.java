package app.muster.audit.ui;

import app.muster.audit.AuditEvent;
import app.muster.audit.AuditLog;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import reactor.core.scheduler.Schedulers;

/** The MSP's audit log: the latest changes made through the pages and the API, newest first. */
@Route("msp/audit")
@PageTitle("Audit log · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class AuditLogView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss 'UTC'");

    final Grid<AuditEvent> eventGrid = new Grid<>();

    AuditLogView(AuditLog auditLog, CurrentAdmin currentAdmin) {
        var admin = currentAdmin.get();
        eventGrid
                .addColumn(event -> WHEN.format(event.at().atZone(ZoneOffset.UTC)))
                .setHeader("When")
                .setAutoWidth(true);
        eventGrid.addColumn(AuditEvent::actor).setHeader("Who").setAutoWidth(true);
        eventGrid.addColumn(AuditEvent::action).setHeader("What").setAutoWidth(true);
        eventGrid.addColumn(AuditEvent::detail).setHeader("Details").setFlexGrow(3);
        eventGrid.addColumn(AuditEvent::origin).setHeader("From").setAutoWidth(true);
        eventGrid.setEmptyStateText("Nothing has been changed yet.");

        addClassName("page");
        add(
                new H1("Audit log"),
                new Paragraph("The latest 500 changes made in this MSP, through the portal or the " + "API."),
                eventGrid);
        addAttachListener(attach -> auditLog.latest(admin.scope())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        events -> UiUpdates.apply(attach.getUI(), () -> eventGrid.setItems(events)),
                        error -> UiUpdates.apply(attach.getUI(), () -> ErrorMessages.show(error))));
    }
}
