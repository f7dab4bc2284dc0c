package app.muster.directory;

import java.time.ZoneId;
import java.util.UUID;

/** A client business of an MSP: its name, the time zone its calendar dates are in, and its training state. */
public record ClientOrg(UUID id, UUID mspId, String name, ZoneId timeZone, TrainingState trainingState) {

    public boolean ready() {
        return trainingState == TrainingState.READY;
    }
}
