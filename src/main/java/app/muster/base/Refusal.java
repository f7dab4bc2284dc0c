package app.muster.base;

/**
 * An expected refusal: the message says, in an MSP admin's words, which client, course or field was refused and why.
 * It is shown as it is, in the page and in the API.
 */
public class Refusal extends RuntimeException {

    private final String field;

    public Refusal(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
