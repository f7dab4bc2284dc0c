package app.muster.tracking.ui;

import app.muster.base.TenantScope;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.LiveData;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.RouteIds;
import app.muster.base.ui.StatusBadges;
import app.muster.base.ui.SummaryCard;
import app.muster.base.ui.UiUpdates;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.enrollment.RetryService;
import app.muster.enrollment.TrainingEvents;
import app.muster.learning.LearnerLinks;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import app.muster.tracking.BatchDetail;
import app.muster.tracking.CourseEnrollmentRow;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** One batch: its summary cards and the Course Enrollments grid, with Retry where something failed. */
@Route("msp/training/:orgId/:batchId")
@PageTitle("Batch · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class BatchDetailView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter HISTORY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    final H1 batchName = new H1();
    final Anchor clientLink = new Anchor();
    final Span batchStatus = new Span();
    final SummaryCard enrolledCard = new SummaryCard("Enrolled", "card-enrolled");
    final SummaryCard scheduledCard = new SummaryCard("Scheduled", "card-scheduled");
    final SummaryCard needsAccessCard = new SummaryCard("Needs Access", "card-needs-access");
    final SummaryCard failedCard = new SummaryCard("Failed", "card-failed");
    final Grid<CourseEnrollmentRow> courseGrid = new Grid<>();
    private final RetryService retryService;
    private final AdminPrincipal admin;
    private final TenantScope scope;
    private final boolean orgPortal;
    private LiveData<?> live;
    UUID orgId;
    UUID batchId;

    @Autowired
    BatchDetailView(
            TrainingOverview overview,
            TrainingEvents events,
            RetryService retryService,
            LearnerLinks learnerLinks,
            CurrentAdmin currentAdmin,
            @Value("${muster.public-url:http://localhost:8080}") String publicUrl) {
        this(
                overview,
                events,
                retryService,
                learnerLinks,
                currentAdmin.get(),
                currentAdmin.get().scope(),
                publicUrl);
    }

    /** A batch page within a scope; an org portal scope links back to the org portal. */
    BatchDetailView(
            TrainingOverview overview,
            TrainingEvents events,
            RetryService retryService,
            LearnerLinks learnerLinks,
            AdminPrincipal admin,
            TenantScope scope,
            String publicUrl) {
        this.retryService = retryService;
        this.admin = admin;
        this.scope = scope;
        this.orgPortal = scope.isClientOrg();
        configureGrid();
        courseGrid.addItemClickListener(click -> {
            if (click.getItem().status().fired()) {
                new CourseLearnersDialog(click.getItem(), admin, overview, learnerLinks, publicUrl).open();
            }
        });

        var cards = new Div(enrolledCard, scheduledCard, needsAccessCard, failedCard);
        cards.addClassName("summary-cards");
        addClassName("page");
        add(clientLink, batchName, batchStatus, cards, courseGrid, CourseLearnersDialog.hint());
        live = LiveData.follow(
                this,
                () -> events.changes(scope).filter(change -> batchId.equals(change.batchId())),
                () -> overview.batch(scope, orgId, batchId),
                this::show,
                this::failed);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var org = RouteIds.uuid(event, "orgId");
        var batch = RouteIds.uuid(event, "batchId");
        if (org.isEmpty() || batch.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(org.get(), batch.get());
    }

    void show(UUID orgId, UUID batchId) {
        this.orgId = orgId;
        this.batchId = batchId;
        live.reload();
    }

    private void configureGrid() {
        courseGrid.setId("course-grid");
        courseGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        courseGrid
                .addComponentColumn(row -> StatusBadges.of(row.status()))
                .setHeader("Status")
                .setAutoWidth(true);
        courseGrid.addComponentColumn(this::courseCell).setHeader("Course").setFlexGrow(3);
        courseGrid
                .addColumn(row -> ClientTrainingView.DATE.format(row.enrollOn()))
                .setHeader("Enroll on");
        courseGrid.addColumn(row -> ClientTrainingView.DATE.format(row.dueBy())).setHeader("Due by");
        courseGrid.addColumn(BatchDetailView::learners).setHeader("Learners");
        courseGrid.addComponentColumn(this::retryCell).setHeader("").setAutoWidth(true);
        courseGrid.setEmptyStateText("This batch has no courses.");
        courseGrid.setAllRowsVisible(true);
    }

    private Component courseCell(CourseEnrollmentRow row) {
        var cell = new Div(new Span(row.courseTitle()));
        cell.addClassName("course-cell");
        if (row.lastError() != null && row.status().retryable()) {
            var explanation = new Paragraph(explanation(row));
            explanation.addClassName("row-explanation");
            cell.add(explanation);
        }
        if (row.attempts() > 1 || row.status().retryable()) {
            var history = new Span(row.attempts() + (row.attempts() == 1 ? " attempt" : " attempts") + ", last "
                    + HISTORY.format(row.updatedAt().atZone(ZoneOffset.UTC)) + " UTC");
            history.addClassName("row-history");
            cell.add(history);
        }
        return cell;
    }

    /** Why a row needs attention; in the org portal, enabling a course is the MSP's to do, so it says so. */
    private String explanation(CourseEnrollmentRow row) {
        if (orgPortal && row.status() == CourseEnrollmentStatus.NEEDS_ACCESS) {
            return "Your MSP has not enabled this course for your organization. Ask them to enable it; "
                    + "then Retry enrolls its learners.";
        }
        return row.lastError();
    }

    static String learners(CourseEnrollmentRow row) {
        if (!row.status().fired()) {
            return "—";
        }
        return row.learnersAssigned() + " enrolled · " + row.learnersCompleted() + " completed";
    }

    private Component retryCell(CourseEnrollmentRow row) {
        if (!row.status().retryable()) {
            return new Span();
        }
        var retryButton = new Button("Retry");
        retryButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retryButton.setDisableOnClick(true);
        retryButton.addClickListener(
                click -> retry(click.getSource().getUI().orElseThrow(), row, retryService.retry(admin, row.id())));
        if (row.status() != CourseEnrollmentStatus.NEEDS_ACCESS || admin.isOrgAdmin()) {
            return retryButton;
        }
        var enableButton = new Button("Enable course and retry");
        enableButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        enableButton.setDisableOnClick(true);
        enableButton.addClickListener(click -> retry(
                click.getSource().getUI().orElseThrow(), row, retryService.enableCourseAndRetry(admin, row.id())));
        return new Div(enableButton, retryButton);
    }

    private void retry(UI ui, CourseEnrollmentRow row, Mono<CourseEnrollmentStatus> retried) {
        retried.subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        status -> UiUpdates.apply(
                                ui, () -> Notification.show(row.courseTitle() + ": " + status.label() + ".")),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    private void show(BatchDetail batch) {
        batchName.setText(batch.name());
        clientLink.setText(orgPortal ? "← Training" : "← " + batch.client().name());
        clientLink.setHref(
                orgPortal ? "org/training" : "msp/training/" + batch.client().id());
        batchStatus.removeAll();
        batchStatus.add(StatusBadges.of(batch.status()));
        enrolledCard.setValue(
                batch.count(CourseEnrollmentStatus.ENROLLED) + batch.count(CourseEnrollmentStatus.COMPLETED));
        scheduledCard.setValue(batch.count(CourseEnrollmentStatus.SCHEDULED));
        needsAccessCard.setValue(batch.count(CourseEnrollmentStatus.NEEDS_ACCESS));
        needsAccessCard.setVisible(batch.count(CourseEnrollmentStatus.NEEDS_ACCESS) > 0);
        failedCard.setValue(batch.failed());
        courseGrid.setItems(batch.courses());
    }

    private void failed(Throwable error) {
        NotFoundMessage.showIn(this, "This batch", error);
    }
}
