package app.muster.security;

import app.muster.security.IsolatedMsp.Client;

/**
 * One line of the isolation suite as it is played: who asks, whose client the ids asked about belong to, and the
 * asker's own client, whose ids a guess mixes in. The owner's scene has the target as its own client.
 */
record Scene(AdminPrincipal caller, Client target, Client own, IsolatedMsp targetMsp) {}
