package app.muster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.base.SecretTokens;
import app.muster.browser.MusterServerTest;
import app.muster.enrollment.RetryService;
import app.muster.security.IsolatedMsp.Client;
import app.muster.security.IsolatedMsp.Fingerprints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the REST API, called with another MSP's real ids, as {@link IsolationTests} plays the services.
 * A read is made with the owning MSP's token (it must show the data) and with the other MSP's token (404 as a
 * problem, or only the caller's own data); a change with the other MSP's token is refused, names nothing of ours,
 * and leaves every row of ours as it was. The course library ({@code /courses}) is shared by all MSPs and is not
 * anyone's data. Org admins hold no API tokens: a token row of theirs signs nobody in.
 */
@MusterServerTest
@TestInstance(Lifecycle.PER_CLASS)
class IsolationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    IsolatedTenants tenants;

    @Autowired
    TenantSnapshot snapshot;

    @Autowired
    RetryService retryService;

    @Autowired
    DatabaseClient db;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    IsolatedMsp ours;
    IsolatedMsp theirs;

    @BeforeAll
    void twoMsps() {
        ours = tenants.msp("Ours");
        theirs = tenants.msp("Theirs");
    }

    /** A request as a scene makes it, with the scene's ids. */
    record Call(Function<Scene, HttpRequest.Builder> request) {}

    Stream<Named<Call>> reads() {
        return Stream.of(
                call("GET /clients", s -> get("/api/v1/clients")),
                call(
                        "GET /clients/{orgId}/groups",
                        s -> get("/api/v1/clients/" + s.target().id() + "/groups")),
                call(
                        "GET /clients/{orgId}/batches",
                        s -> get("/api/v1/clients/" + s.target().id() + "/batches")),
                call(
                        "GET /clients/{orgId}/batches/{batchId}",
                        s -> get("/api/v1/clients/" + s.target().id() + "/batches/"
                                + s.target().batchId())),
                call(
                        "GET /clients/{orgId}/batches/{batchId} with the caller's own client",
                        s -> get("/api/v1/clients/" + s.own().id() + "/batches/"
                                + s.target().batchId())));
    }

    Stream<Named<Call>> changes() {
        return Stream.of(
                call("POST /launches to the client", s -> post("/api/v1/launches", launch(s.target(), ""))),
                call(
                        "POST /launches to the client, streamed",
                        s -> post("/api/v1/launches", launch(s.target(), "")).header("Accept", "text/event-stream")),
                call(
                        "POST /launches to the caller's own client for the client's groups",
                        s -> post(
                                "/api/v1/launches",
                                launch(s.own(), targeting("SPECIFIC_GROUPS", "includedGroups", groupIds(s.target()))))),
                call(
                        "POST /launches to the caller's own client leaving out the client's groups",
                        s -> post(
                                "/api/v1/launches",
                                launch(s.own(), targeting("EXCLUDE_GROUPS", "excludedGroups", groupIds(s.target()))))),
                call(
                        "POST /launches to the caller's own client for the client's users",
                        s -> post(
                                "/api/v1/launches",
                                launch(s.own(), targeting("INDIVIDUAL_USERS", "users", userIds(s.target()))))),
                call(
                        "POST /course-enrollments/{id}/retry of its Needs Access row",
                        s -> post("/api/v1/course-enrollments/" + s.target().needsAccessRow() + "/retry", "")),
                call(
                        "POST /course-enrollments/{id}/retry of its Enrolled row",
                        s -> post("/api/v1/course-enrollments/" + s.target().enrolledRow() + "/retry", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void anotherMspsTokenReadsNothingOfOurs(Call call) throws Exception {
        var owner = new Scene(ours.admin(), ours.first(), ours.first(), ours);
        var intruder = new Scene(theirs.admin(), ours.first(), theirs.first(), ours);
        Fingerprints prints = ours.fingerprints();

        var owners = send(call, owner, ours.apiToken());
        var intruders = send(call, intruder, theirs.apiToken());

        assertThat(owners.statusCode()).isEqualTo(200);
        assertThat(prints.foundIn(owners.body())).as("what the owner gets").isNotEmpty();
        assertThat(intruders.statusCode()).isIn(200, 404);
        if (intruders.statusCode() == 404) {
            assertThat(intruders.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(prints.textsFoundIn(intruders.body())).as("the problem").isEmpty();
        } else {
            assertThat(prints.foundIn(intruders.body()))
                    .as("what the intruder gets")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anotherMspsTokenChangesNothingOfOurs(Call call) throws Exception {
        var intruder = new Scene(theirs.admin(), ours.first(), theirs.first(), ours);
        var before = snapshot.of(ours.mspId());

        var response = send(call, intruder, theirs.apiToken());

        assertThat(response.statusCode()).isIn(200, 404);
        if (response.statusCode() == 200) {
            assertThat(launchErrors(response.body()))
                    .as("every client's result")
                    .isNotEmpty()
                    .doesNotContainNull();
        }
        assertThat(ours.fingerprints().textsFoundIn(response.body()))
                .as("what the refusal tells")
                .isEmpty();
        assertThat(snapshot.of(ours.mspId())).as("our data").isEqualTo(before);
    }

    @Test
    void eachMspsEventStreamCarriesOnlyItsOwnChanges() throws Exception {
        List<String> oursEvents = new CopyOnWriteArrayList<>();
        List<String> theirsEvents = new CopyOnWriteArrayList<>();
        HttpClient oursStream = HttpClient.newHttpClient();
        HttpClient theirsStream = HttpClient.newHttpClient();
        try {
            listen(oursStream, ours.apiToken(), oursEvents);
            listen(theirsStream, theirs.apiToken(), theirsEvents);

            await().pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                retryService.retry(ours.admin(), ours.first().needsAccessRow()).block();
                retryService
                        .retry(theirs.admin(), theirs.first().needsAccessRow())
                        .block();
                assertThat(String.join("\n", oursEvents))
                        .contains(ours.first().batchId().toString());
                assertThat(String.join("\n", theirsEvents))
                        .contains(theirs.first().batchId().toString());
            });

            assertThat(ours.fingerprints().foundIn(String.join("\n", theirsEvents)))
                    .as("our changes in their stream")
                    .isEmpty();
            assertThat(theirs.fingerprints().foundIn(String.join("\n", oursEvents)))
                    .as("their changes in our stream")
                    .isEmpty();
        } finally {
            oursStream.shutdownNow();
            theirsStream.shutdownNow();
        }
    }

    @Test
    void anOrgAdminsTokenSignsNobodyIn() throws Exception {
        String token = "mst_" + SecretTokens.newToken(32);
        db.sql("""
                        INSERT INTO api_token (id, admin_id, name, token_hash, created_at)
                        VALUES (:id, :adminId, :name, :tokenHash, :now)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("adminId", ours.first().orgAdmin().adminId())
                .bind("name", "org admin script")
                .bind("tokenHash", SecretTokens.hash(token))
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .then()
                .block();

        var clients = http.send(
                get("/api/v1/clients")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var batches = http.send(
                get("/api/v1/clients/" + ours.first().id() + "/batches")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(clients.statusCode(), batches.statusCode())).containsOnly(401);
        assertThat(ours.fingerprints().foundIn(clients.body() + batches.body())).isEmpty();
    }

    private void listen(HttpClient client, String token, List<String> lines) {
        client.sendAsync(
                get("/api/v1/events")
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(lines)));
    }

    /** Collects the lines of a stream as they arrive. */
    private record Lines(List<String> lines) implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable error) {}

        @Override
        public void onComplete() {}
    }

    /** The error of each client's launch result, whether answered at once or streamed as events. */
    private List<String> launchErrors(String body) {
        Stream<JsonNode> results = body.startsWith("[")
                ? json.readTree(body).valueStream()
                : body.lines()
                        .filter(line -> line.startsWith("data:") && line.contains("orgId"))
                        .map(line -> json.readTree(line.substring(5)));
        return results.map(result -> result.get("error").isNull()
                        ? null
                        : result.get("error").asString())
                .collect(Collectors.toList());
    }

    private HttpResponse<String> send(Call call, Scene scene, String token) throws IOException, InterruptedException {
        var request = call.request()
                .apply(scene)
                .header("Authorization", "Bearer " + token)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String launch(Client client, String targeting) {
        return """
                {"submissionId":"%s","clients":["%s"],"courses":[{"courseId":"%s","dueBy":"%s"}]%s}
                """.formatted(
                        UUID.randomUUID(),
                        client.id(),
                        IsolatedTenants.ENABLED_COURSE,
                        LocalDate.now().plusDays(30),
                        targeting);
    }

    private static String targeting(String mode, String field, List<UUID> ids) {
        String list = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return ",\"targeting\":{\"mode\":\"%s\",\"%s\":[%s]}".formatted(mode, field, list);
    }

    private static List<UUID> groupIds(Client client) {
        return client.groups().stream().map(group -> group.id()).toList();
    }

    private static List<UUID> userIds(Client client) {
        return client.users().stream().map(user -> user.id()).toList();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static Named<Call> call(String what, Function<Scene, HttpRequest.Builder> request) {
        return Named.of(what, new Call(request));
    }
}
