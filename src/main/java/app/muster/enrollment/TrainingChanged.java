package app.muster.enrollment;

import java.util.UUID;

/** Something on the training pages of an MSP changed: a batch was created or a course enrollment moved. */
public record TrainingChanged(UUID mspId, UUID orgId, UUID batchId) {}
