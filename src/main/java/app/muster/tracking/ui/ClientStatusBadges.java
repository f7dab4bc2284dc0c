package app.muster.tracking.ui;

import app.muster.base.ui.StatusBadges;
import app.muster.tracking.ClientTrainingRow;
import com.vaadin.flow.component.html.Span;

/** The Status cell of a client row: completed, scheduled and failed counts, or Pending when nothing happened yet. */
final class ClientStatusBadges {

    private ClientStatusBadges() {}

    static Span of(ClientTrainingRow row) {
        var cell = new Span();
        cell.addClassName("badge-row");
        if (row.pending()) {
            cell.add(StatusBadges.badge("Pending", "neutral"));
            return cell;
        }
        cell.add(
                StatusBadges.count(row.totals().completed(), "completed", "completed"),
                StatusBadges.count(row.totals().scheduled(), "scheduled", "scheduled"),
                StatusBadges.count(row.totals().failed(), "failed", row.totals().failed() > 0 ? "failed" : "neutral"));
        return cell;
    }
}
