package app.muster.tracking;

import app.muster.directory.TrainingState;
import java.util.UUID;

/** One row of the dashboard's Client Organizations grid. */
public record ClientTrainingRow(
        UUID orgId, String name, TrainingState trainingState, long batches, TrainingTotals totals) {

    /** A client with no course enrollments at all shows Pending instead of badge counts. */
    public boolean pending() {
        return totals.courseEnrollments() == 0;
    }
}
