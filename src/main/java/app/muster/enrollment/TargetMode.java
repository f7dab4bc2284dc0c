package app.muster.enrollment;

/** Who a batch's courses go to. */
public enum TargetMode {
    ALL_USERS("All users"),
    SPECIFIC_GROUPS("Specific groups"),
    EXCLUDE_GROUPS("Exclude groups"),
    INDIVIDUAL_USERS("Individual users");

    private final String label;

    TargetMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
