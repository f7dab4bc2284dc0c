package app.muster.notification.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.LiveData;
import app.muster.notification.MailLog;
import app.muster.notification.MailLogEntry;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The learner emails Muster logged instead of sending, newest first; a row opens the whole message. */
@Route("msp/mail-log")
@PageTitle("Mail log · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class MailLogView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    final Grid<MailLogEntry> messageGrid = new Grid<>();

    MailLogView(MailLog mailLog, CurrentAdmin currentAdmin) {
        TenantScope scope = currentAdmin.get().scope();
        configureGrid();

        addClassName("page");
        setSizeFull();
        add(
                new H1("Mail log"),
                new Paragraph("Emails to your clients' learners that Muster wrote down here "
                        + "instead of sending, newest first (the latest " + MailLog.SHOWN
                        + "). Select a row to read it."),
                messageGrid);
        setFlexGrow(1, messageGrid);
        LiveData.follow(
                this,
                () -> mailLog.changes(scope.mspId()),
                () -> mailLog.newest(scope),
                this::show,
                ErrorMessages::show);
    }

    private void configureGrid() {
        messageGrid.setId("mail-log-grid");
        messageGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        messageGrid
                .addColumn(entry -> WHEN.format(entry.loggedAt().atZone(entry.clientTimeZone())))
                .setHeader("When")
                .setAutoWidth(true);
        messageGrid.addColumn(MailLogEntry::clientName).setHeader("Client").setAutoWidth(true);
        messageGrid.addColumn(MailLogEntry::recipient).setHeader("To").setAutoWidth(true);
        messageGrid.addColumn(MailLogEntry::subject).setHeader("Subject").setFlexGrow(2);
        messageGrid.addColumn(MailLogEntry::preview).setHeader("Message").setFlexGrow(3);
        messageGrid.setItemDetailsRenderer(new ComponentRenderer<>(entry -> new Pre(entry.body())));
        messageGrid.setEmptyStateText("No emails logged yet. Emails to learners appear here when a batch has "
                + "enrollment or reminder emails turned on and Muster logs emails instead of sending them.");
    }

    private void show(List<MailLogEntry> entries) {
        messageGrid.setItems(entries);
    }
}
