package app.muster.tracking;

/**
 * Course enrollment counts (all of them, the completed, the scheduled and the failed) and, beneath them, how many
 * learner assignments there are and how many learners have completed theirs.
 */
public record TrainingTotals(
        long courseEnrollments,
        long completed,
        long scheduled,
        long failed,
        long learnerAssignments,
        long learnersCompleted) {

    public static final TrainingTotals NONE = new TrainingTotals(0, 0, 0, 0, 0, 0);

    TrainingTotals plus(TrainingTotals other) {
        return new TrainingTotals(
                courseEnrollments + other.courseEnrollments,
                completed + other.completed,
                scheduled + other.scheduled,
                failed + other.failed,
                learnerAssignments + other.learnerAssignments,
                learnersCompleted + other.learnersCompleted);
    }
}
