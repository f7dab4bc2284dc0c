package app.muster.base.ui;

import app.muster.directory.TrainingState;
import app.muster.enrollment.BatchStatus;
import app.muster.enrollment.CourseEnrollmentStatus;
import com.vaadin.flow.component.html.Span;

/** The one place that turns a status into a badge, so that a status looks the same on every page. */
public final class StatusBadges {

    private StatusBadges() {}

    public static Span of(CourseEnrollmentStatus status) {
        return badge(
                status.label(),
                switch (status) {
                    case SCHEDULED -> "scheduled";
                    case ENROLLED -> "enrolled";
                    case COMPLETED -> "completed";
                    case PARTIAL, NEEDS_ACCESS -> "warning";
                    case FAILED, ACCESS_DENIED -> "failed";
                });
    }

    public static Span of(BatchStatus status) {
        return badge(
                status.label(),
                switch (status) {
                    case HAS_FAILURES -> "failed";
                    case SCHEDULED -> "scheduled";
                    case COMPLETED -> "completed";
                    case IN_PROGRESS -> "enrolled";
                });
    }

    public static Span of(TrainingState state) {
        return badge(state.label(), state == TrainingState.READY ? "completed" : "neutral");
    }

    public static Span count(long count, String label, String tone) {
        return badge(count + " " + label, tone);
    }

    public static Span badge(String text, String tone) {
        var badge = new Span(text);
        badge.addClassNames("status-badge", "status-badge--" + tone);
        return badge;
    }
}
