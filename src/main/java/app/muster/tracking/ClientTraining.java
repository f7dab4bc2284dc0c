package app.muster.tracking;

import java.util.List;

import app.muster.directory.ClientOrg;

/** A client's training page: the client and its batches, newest first. */
public record ClientTraining(ClientOrg client, List<BatchRow> batches) {
}
