package app.muster.tracking.ui;

import app.muster.base.ui.StatusBadges;
import app.muster.tracking.BatchRow;
import com.vaadin.flow.component.grid.Grid;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** A client's Enrollment Batches, newest first; a click opens the batch. Shared by the MSP and org portals. */
class BatchGrid extends Grid<BatchRow> {

    private ZoneId timeZone = ZoneId.of("UTC");

    BatchGrid(Consumer<UUID> openBatch, String emptyStateText) {
        setId("batch-grid");
        addColumn(BatchRow::name).setHeader("Batch").setFlexGrow(3);
        addColumn(BatchRow::courses).setHeader("Courses");
        addComponentColumn(row -> StatusBadges.of(row.status())).setHeader("Status");
        addColumn(row -> row.nextEnrollOn() == null ? "—" : ClientTrainingView.DATE.format(row.nextEnrollOn()))
                .setHeader("Next enrollment");
        addColumn(row -> ClientTrainingView.DATE.format(row.createdAt().atZone(timeZone)))
                .setHeader("Created");
        setEmptyStateText(emptyStateText);
        addItemClickListener(click -> openBatch.accept(click.getItem().batchId()));
        setAllRowsVisible(true);
    }

    /** Shows the batches, their creation dates in the client's own time zone. */
    void show(List<BatchRow> batches, ZoneId clientTimeZone) {
        timeZone = clientTimeZone;
        setItems(batches);
    }
}
