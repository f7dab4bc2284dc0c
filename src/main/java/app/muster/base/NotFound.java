package app.muster.base;

/** Something asked for does not exist for the caller: unknown, or another tenant's. Both look the same. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " was not found.");
    }
}
