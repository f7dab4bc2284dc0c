package app.muster.learning;

import app.muster.base.Refusal;
import app.muster.base.Rows;
import app.muster.enrollment.LearnerProgress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Takes xAPI statements from external course players. A statement names its learner assignment by its cmi5
 * registration; "completed" and "passed" complete the assignment, "failed" records the attempt, other verbs are
 * accepted and change nothing. A statement id is acted on once, however often it is sent.
 */
@Service
public class XapiStatements {

    static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final Logger log = LoggerFactory.getLogger(XapiStatements.class);

    private static final String ASSIGNMENT_BY_REGISTRATION = """
            SELECT a.id, a.user_id, u.email_key, ce.course_id
            FROM learner_assignment a
            JOIN org_user u ON u.id = a.user_id
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            WHERE a.registration = :registration
            """;

    private static final String RECORD_STATEMENT = """
            INSERT INTO xapi_statement (id, assignment_id, verb, received_at)
            VALUES (:id, :assignmentId, :verb, :now)
            ON CONFLICT DO NOTHING
            """;

    private final DatabaseClient db;
    private final LearnerProgress progress;
    private final Clock clock;

    XapiStatements(DatabaseClient db, LearnerProgress progress, Clock clock) {
        this.db = db;
        this.progress = progress;
        this.clock = clock;
    }

    /** Checks and acts on one statement; emits its id. Refusals name the field that is wrong. */
    public Mono<UUID> receive(JsonNode statement) {
        return Mono.fromCallable(() -> XapiStatement.of(statement))
                .flatMap(parsed -> assignment(parsed)
                        .flatMap(assignment -> checkIdentity(parsed, assignment))
                        .flatMap(assignment -> recordOnce(parsed, assignment)
                                .flatMap(first -> first ? act(parsed, assignment) : Mono.empty()))
                        .thenReturn(parsed.id()));
    }

    private Mono<Assignment> assignment(XapiStatement statement) {
        return db.sql(ASSIGNMENT_BY_REGISTRATION)
                .bind("registration", statement.registration())
                .map(row -> new Assignment(
                        Rows.count(row, "id"),
                        row.get("user_id", UUID.class),
                        row.get("email_key", String.class),
                        row.get("course_id", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> new Refusal(
                        "context.registration",
                        "No learner assignment has " + "the registration " + statement.registration() + ".")));
    }

    private Mono<Assignment> checkIdentity(XapiStatement statement, Assignment assignment) {
        if (!statement.actorIs(assignment.emailKey(), assignment.userId())) {
            return Mono.error(new Refusal(
                    "actor", "The actor is not the learner of registration " + statement.registration() + "."));
        }
        if (!statement.objectIsCourse(assignment.courseId())) {
            return Mono.error(new Refusal(
                    "object.id",
                    "The activity " + statement.objectId()
                            + " is not the course of registration " + statement.registration()
                            + " (expected an id ending in"
                            + " /courses/" + assignment.courseId() + ")."));
        }
        return Mono.just(assignment);
    }

    private Mono<Boolean> recordOnce(XapiStatement statement, Assignment assignment) {
        return db.sql(RECORD_STATEMENT)
                .bind("id", statement.id())
                .bind("assignmentId", assignment.id())
                .bind("verb", statement.verb())
                .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0)
                .doOnNext(first -> {
                    if (!first) {
                        log.info("xAPI statement {} was already received; nothing changed.", statement.id());
                    }
                });
    }

    private Mono<Boolean> act(XapiStatement statement, Assignment assignment) {
        String verb = statement.verb().toLowerCase(Locale.ROOT);
        if (verb.equals(VERBS + "completed") || verb.equals(VERBS + "passed")) {
            return progress.complete(assignment.id(), statement.scorePercent());
        }
        if (verb.equals(VERBS + "failed")) {
            return progress.failedAttempt(assignment.id(), statement.scorePercent());
        }
        return Mono.empty();
    }

    private record Assignment(long id, UUID userId, String emailKey, String courseId) {}
}
