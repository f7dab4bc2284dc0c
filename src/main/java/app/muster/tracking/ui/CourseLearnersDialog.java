package app.muster.tracking.ui;

import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.StatusBadges;
import app.muster.base.ui.UiUpdates;
import app.muster.learning.LearnerLinks;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.CourseEnrollmentRow;
import app.muster.tracking.LearnerRow;
import app.muster.tracking.TrainingOverview;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import reactor.core.scheduler.Schedulers;

/**
 * The learners of one course enrollment, with their progress, and each learner's personal link: a new link to hand
 * over, or all their links revoked.
 */
class CourseLearnersDialog extends Dialog {

    final Grid<LearnerRow> learnerGrid = new Grid<>();
    final TextField linkField = new TextField("Personal link");
    private final LearnerLinks links;
    private final AdminPrincipal admin;
    private final String publicUrl;

    CourseLearnersDialog(
            CourseEnrollmentRow course,
            AdminPrincipal admin,
            TrainingOverview overview,
            LearnerLinks links,
            String publicUrl) {
        this.links = links;
        this.admin = admin;
        this.publicUrl = publicUrl;
        setHeaderTitle("Learners of " + course.courseTitle());
        setWidth("min(60rem, 95vw)");
        linkField.setReadOnly(true);
        linkField.setWidthFull();
        linkField.setVisible(false);
        linkField.setHelperText("Shown once. Anyone with this link sees this learner's courses.");
        configureGrid();

        add(learnerGrid, linkField);
        getFooter().add(new Button("Close", click -> close()));
        UI ui = UI.getCurrent();
        overview.learners(admin.scope(), course.id())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        rows -> UiUpdates.apply(ui, () -> learnerGrid.setItems(rows)),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    private void configureGrid() {
        learnerGrid.setId("learner-grid");
        learnerGrid.addColumn(LearnerRow::name).setHeader("Learner").setFlexGrow(2);
        learnerGrid.addColumn(LearnerRow::email).setHeader("Email").setFlexGrow(2);
        learnerGrid.addComponentColumn(CourseLearnersDialog::progress).setHeader("Progress");
        learnerGrid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        learnerGrid.setEmptyStateText("Nobody is assigned yet.");
        learnerGrid.setHeight("24rem");
    }

    private static Component progress(LearnerRow row) {
        if ("COMPLETED".equals(row.status())) {
            return StatusBadges.badge(
                    "Completed" + (row.score() == null ? "" : " · " + row.score() + "%"), "completed");
        }
        return StatusBadges.badge("IN_PROGRESS".equals(row.status()) ? "Tried, not passed" : "Assigned", "enrolled");
    }

    private Component actions(LearnerRow row) {
        var linkButton =
                new Button("New link", click -> issue(click.getSource().getUI().orElseThrow(), row));
        linkButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var revokeButton = new Button(
                "Revoke links", click -> confirmRevoke(click.getSource().getUI().orElseThrow(), row));
        revokeButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(linkButton, revokeButton);
    }

    /** Revoking cuts the learner off from every link they were sent, so it is confirmed first. */
    private void confirmRevoke(UI ui, LearnerRow row) {
        var confirm = new ConfirmDialog(
                "Revoke " + row.name() + "'s links?",
                "Every link " + row.name() + " was sent or given stops working at once. Hand out a new link "
                        + "when they need one.",
                "Revoke links",
                confirmed -> revoke(ui, row));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep them");
        confirm.open();
    }

    private void issue(UI ui, LearnerRow row) {
        links.issueFor(admin, row.userId())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        token -> UiUpdates.apply(ui, () -> {
                            linkField.setLabel("Personal link of " + row.name());
                            linkField.setValue(publicUrl + "/learn/" + token);
                            linkField.setVisible(true);
                        }),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    private void revoke(UI ui, LearnerRow row) {
        links.revokeFor(admin, row.userId())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        count -> UiUpdates.apply(ui, () -> {
                            linkField.setVisible(false);
                            Notification.show(
                                    count + (count == 1 ? " link" : " links") + " of " + row.name() + " revoked.");
                        }),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    static Paragraph hint() {
        return new Paragraph("Open a course row to see its learners and hand out their personal links.");
    }
}
