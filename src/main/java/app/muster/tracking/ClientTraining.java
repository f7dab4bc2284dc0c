package app.muster.tracking;

import app.muster.directory.ClientOrg;
import java.util.List;

/** A client's training page: the client and its batches, newest first. */
public record ClientTraining(ClientOrg client, List<BatchRow> batches) {}
