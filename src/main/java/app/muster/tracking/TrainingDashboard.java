package app.muster.tracking;

import java.util.List;

/** The MSP dashboard: totals over every client, and one row per client. */
public record TrainingDashboard(TrainingTotals totals, List<ClientTrainingRow> clients) {}
