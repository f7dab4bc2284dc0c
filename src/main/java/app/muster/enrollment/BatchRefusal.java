package app.muster.enrollment;

import app.muster.base.Refusal;

/** One client of a launch was refused; the others go on. */
class BatchRefusal extends Refusal {

    private final String orgName;

    BatchRefusal(String orgName, String field, String message) {
        super(field, message);
        this.orgName = orgName;
    }

    String orgName() {
        return orgName;
    }
}
