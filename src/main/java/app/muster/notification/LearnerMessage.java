package app.muster.notification;

import java.util.UUID;

/** One composed learner email, ready to go out: who it is for, and its subject and plain-text body. */
record LearnerMessage(UUID emailId, UUID mspId, UUID orgId, UUID userId, String to, String subject, String body) {}
