package app.muster.learning;

import app.muster.base.Refusal;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The parts of an xAPI statement Muster reads, checked for presence and form. */
record XapiStatement(
        UUID id,
        String actorMbox,
        String actorAccountName,
        String verb,
        String objectId,
        UUID registration,
        Integer scorePercent) {

    static XapiStatement of(JsonNode statement) {
        if (statement == null || !statement.isObject()) {
            throw new Refusal("statement", "A statement must be a JSON object.");
        }
        return new XapiStatement(
                optionalUuid(statement.path("id"), "id"),
                text(statement.at("/actor/mbox")),
                text(statement.at("/actor/account/name")),
                required(statement.at("/verb/id"), "verb.id"),
                required(statement.at("/object/id"), "object.id"),
                requiredUuid(statement.at("/context/registration"), "context.registration"),
                score(statement.at("/result/score")));
    }

    boolean actorIs(String emailKey, UUID userId) {
        if (actorMbox != null) {
            return actorMbox.toLowerCase(Locale.ROOT).equals("mailto:" + emailKey);
        }
        return actorAccountName != null
                && (actorAccountName.equalsIgnoreCase(emailKey) || actorAccountName.equals(userId.toString()));
    }

    boolean objectIsCourse(String courseId) {
        return objectId.endsWith("/courses/" + courseId) || objectId.equals("urn:muster:course:" + courseId);
    }

    private static Integer score(JsonNode score) {
        if (score.has("scaled")) {
            double scaled = number(score.get("scaled"), "result.score.scaled");
            if (scaled < -1 || scaled > 1) {
                throw new Refusal(
                        "result.score.scaled", "result.score.scaled must be between -1 and 1; it is " + scaled + ".");
            }
            return (int) Math.round(scaled * 100);
        }
        if (score.has("raw") && score.has("max")) {
            double raw = number(score.get("raw"), "result.score.raw");
            double max = number(score.get("max"), "result.score.max");
            if (max <= 0 || raw < 0 || raw > max) {
                throw new Refusal(
                        "result.score.raw",
                        "result.score.raw must be between 0 and result.score.max, " + "which must be above 0.");
            }
            return (int) Math.round(100 * raw / max);
        }
        return null;
    }

    private static double number(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw new Refusal(field, field + " must be a number.");
        }
        return node.asDouble();
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node);
        if (value == null) {
            throw new Refusal(field, "The statement has no " + field + ".");
        }
        return value;
    }

    private static UUID requiredUuid(JsonNode node, String field) {
        UUID value = optionalUuid(node, field);
        if (value == null) {
            throw new Refusal(
                    field,
                    "The statement has no " + field + "; Muster matches statements to learner "
                            + "assignments by their registration.");
        }
        return value;
    }

    private static UUID optionalUuid(JsonNode node, String field) {
        String value = text(node);
        if (value == null) {
            return field.equals("id") ? UUID.randomUUID() : null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            throw new Refusal(field, field + " must be a UUID; \"" + value + "\" is not.");
        }
    }
}
