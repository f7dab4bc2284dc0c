package app.muster.directory;

/** Whether a client org is provisioned for training enrollment. */
public enum TrainingState {
    READY("Ready"),
    NOT_CONFIGURED("Not configured");

    private final String label;

    TrainingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
