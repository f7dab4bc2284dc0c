package app.muster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.TestTenants;
import app.muster.audit.AuditLog;
import app.muster.browser.MusterServerTest;
import app.muster.directory.ClientOrg;
import app.muster.security.AdminPrincipal;
import app.muster.security.ApiTokens;
import app.muster.tracking.TrainingOverview;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MusterServerTest
class TrainingApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    TrainingOverview overview;

    @Autowired
    AuditLog auditLog;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    AdminPrincipal admin;
    String token;

    @BeforeEach
    void createToken() {
        admin = tenants.demoAdmin();
        token = apiTokens.create(admin, "api test").block();
    }

    @Test
    void refusesARequestWithoutALiveToken() throws Exception {
        var none = send(get("/api/v1/clients").build());
        var wrong = send(get("/api/v1/clients")
                .header("Authorization", "Bearer mst_not-a-token")
                .build());
        apiTokens.revoke(admin, apiTokens.list(admin).block().getFirst().id()).block();
        var revoked = send(authorized(get("/api/v1/clients")).build());

        assertThat(List.of(none.statusCode(), wrong.statusCode(), revoked.statusCode()))
                .containsOnly(401);
        assertThat(none.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(none.body()).contains("Authorization: Bearer");
    }

    @Test
    void listsTheMspsClientsWithTheirTrainingState() throws Exception {
        JsonNode clients =
                json.readTree(send(authorized(get("/api/v1/clients")).build()).body());

        assertThat(clients.size()).isEqualTo(30);
        assertThat(clients.values())
                .filteredOn(client ->
                        "NOT_CONFIGURED".equals(client.get("trainingState").asString()))
                .hasSize(3);
    }

    @Test
    void launchesToThreeClientsStreamingEachResultThenTheEnd() throws Exception {
        var clients = List.of(
                tenants.demoClient("Delta Freight Logistics"),
                tenants.demoClient("Evergreen Family Clinic"),
                tenants.demoClient("Beacon Hill Bakery"));

        var response = send(authorized(post("/api/v1/launches", launchBody(clients, "ransomware", "all")))
                .header("Accept", "text/event-stream")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        List<JsonNode> results = new ArrayList<>();
        String event = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
                events.add(event);
            } else if (line.startsWith("data:") && "result".equals(event)) {
                results.add(json.readTree(line.substring(5)));
            }
        }
        assertThat(events).containsExactly("result", "result", "result", "done");
        assertThat(auditLog.latest(admin.scope()).block()).anySatisfy(logged -> {
            assertThat(logged.action()).isEqualTo("Launch");
            assertThat(logged.actor()).isEqualTo(admin.getUsername());
            assertThat(logged.origin()).isEqualTo("API from 127.0.0.1");
            assertThat(logged.detail()).contains("3 clients", "ransomware");
        });
        for (ClientOrg client : clients) {
            JsonNode result = results.stream()
                    .filter(r -> r.get("orgId").asString().equals(client.id().toString()))
                    .findFirst()
                    .orElseThrow();
            boolean ready = client.ready();
            assertThat(result.get("error").isNull()).as(client.name()).isEqualTo(ready);
            if (ready) {
                var batch = overview.batch(
                                admin.scope(),
                                client.id(),
                                UUID.fromString(result.get("batchId").asString()))
                        .block();
                assertThat(batch.courses().getFirst().learnersAssigned()).isEqualTo((int) tenants.activeUsers(client));
            } else {
                assertThat(result.get("error").asString()).contains("Beacon Hill Bakery is Not configured");
            }
        }
    }

    @Test
    void refusesWithTheWizardsMessages() throws Exception {
        String tooMany = IntStream.range(0, 26)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(","));
        var overLimit = send(authorized(post("/api/v1/launches", """
                {"submissionId":"%s","clients":[%s],"courses":[{"courseId":"clean-desk","dueBy":"%s"}]}
                """.formatted(
                                UUID.randomUUID(), tooMany, LocalDate.now().plusDays(9))))
                .build());
        var groupsForTwo = send(authorized(post(
                        "/api/v1/launches",
                        launchBody(
                                List.of(
                                        tenants.demoClient("Acme Industries"),
                                        tenants.demoClient("Fjord Consulting AS")),
                                "clean-desk",
                                "groups")))
                .build());
        var garbage = send(authorized(post("/api/v1/launches", "{not json")).build());

        assertThat(overLimit.statusCode()).isEqualTo(400);
        assertThat(json.readTree(overLimit.body()).get("detail").asString()).contains("at most 25 clients");
        assertThat(json.readTree(groupsForTwo.body()).get("detail").asString())
                .contains("With more than one client, targeting is All users");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("Exception", "at app.muster");
    }

    @Test
    void aFieldOfTheWrongKindIsNamedWithWhatItExpects() throws Exception {
        String clientId = tenants.demoClient("Acme Industries").id().toString();
        var badDate = send(authorized(post("/api/v1/launches", """
                        {"submissionId":"%s","clients":["%s"],"courses":[{"courseId":"clean-desk","dueBy":"31/12/2027"}]}
                        """.formatted(UUID.randomUUID(), clientId)))
                .build());
        var badMode = send(authorized(post("/api/v1/launches", """
                        {"submissionId":"%s","clients":["%s"],"courses":[{"courseId":"clean-desk","dueBy":"2027-12-31"}],
                         "targeting":{"mode":"EVERYONE"}}
                        """.formatted(UUID.randomUUID(), clientId)))
                .build());

        assertThat(badDate.statusCode()).isEqualTo(400);
        var dateProblem = json.readTree(badDate.body());
        assertThat(dateProblem.get("field").asString()).isEqualTo("courses[0].dueBy");
        assertThat(dateProblem.get("detail").asString())
                .isEqualTo("The field 'courses[0].dueBy' must be a date like 2027-01-31.");
        var modeProblem = json.readTree(badMode.body());
        assertThat(modeProblem.get("field").asString()).isEqualTo("targeting.mode");
        assertThat(modeProblem.get("detail").asString())
                .contains("ALL_USERS", "SPECIFIC_GROUPS", "EXCLUDE_GROUPS", "INDIVIDUAL_USERS");
    }

    @Test
    void anUnknownApiAddressAnswersWithAProblemNotAPage() throws Exception {
        var unknown = send(authorized(get("/api/v1/no-such-thing")).build());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(unknown.body()).get("detail").asString())
                .isEqualTo("The API endpoint GET /api/v1/no-such-thing was not found.");
    }

    @Test
    void anotherMethodOrAMalformedIdIsToldSo() throws Exception {
        var put = send(authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/launches"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{}")))
                .build());
        var malformedId =
                send(authorized(get("/api/v1/clients/not-an-id/batches")).build());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        assertThat(malformedId.statusCode()).isEqualTo(400);
        var idProblem = json.readTree(malformedId.body());
        assertThat(idProblem.get("field").asString()).isEqualTo("orgId");
        assertThat(idProblem.get("detail").asString()).startsWith("The parameter 'orgId' must be an id like ");
        assertThat(List.of(put, malformedId))
                .allSatisfy(response -> assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json")));
    }

    @Test
    void anotherMspsTokenReachesNoneOfOurClients() throws Exception {
        ClientOrg acme = tenants.demoClient("Acme Industries");
        String stranger = apiTokens.create(tenants.otherMspAdmin(), "stranger").block();

        var batches = send(get("/api/v1/clients/" + acme.id() + "/batches")
                .header("Authorization", "Bearer " + stranger)
                .build());
        var launch = send(post("/api/v1/launches", launchBody(List.of(acme), "clean-desk", "all"))
                .header("Authorization", "Bearer " + stranger)
                .build());
        var clients = json.readTree(send(get("/api/v1/clients")
                        .header("Authorization", "Bearer " + stranger)
                        .build())
                .body());

        assertThat(batches.statusCode()).isEqualTo(404);
        assertThat(json.readTree(launch.body()).get(0).get("error").asString()).contains("not one of your clients");
        assertThat(clients.size()).isEqualTo(1);
        assertThat(auditLog.latest(tenants.otherMspAdmin().scope()).block()).isEmpty();
    }

    @Test
    void anotherMspsTokenCanNeitherReadNorChangeAnyOfOurBatches() throws Exception {
        ClientOrg northstar = tenants.demoClient("Northstar Realty");
        var ours = json.readTree(send(authorized(
                                post("/api/v1/launches", launchBody(List.of(northstar), "pci-dss", "all")))
                        .build())
                .body());
        UUID batchId = UUID.fromString(ours.get(0).get("batchId").asString());
        UUID courseEnrollmentId = overview.batch(admin.scope(), northstar.id(), batchId)
                .block()
                .courses()
                .getFirst()
                .id();
        AdminPrincipal other = tenants.otherMspAdmin();
        String stranger = apiTokens.create(other, "stranger").block();
        UUID strangersClient =
                tenants.clientOrgs().list(other.scope()).blockFirst().id();

        var reads = List.of(
                "/api/v1/clients/" + northstar.id() + "/groups",
                "/api/v1/clients/" + northstar.id() + "/batches",
                "/api/v1/clients/" + northstar.id() + "/batches/" + batchId,
                "/api/v1/clients/" + strangersClient + "/batches/" + batchId);
        for (String path : reads) {
            var response =
                    send(get(path).header("Authorization", "Bearer " + stranger).build());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain("Northstar", northstar.id().toString() + "\",");
        }
        var retry = send(post("/api/v1/course-enrollments/" + courseEnrollmentId + "/retry", "")
                .header("Authorization", "Bearer " + stranger)
                .build());

        assertThat(retry.statusCode()).isEqualTo(404);
        assertThat(overview.batch(admin.scope(), northstar.id(), batchId)
                        .block()
                        .courses()
                        .getFirst()
                        .attempts())
                .isEqualTo(1);
    }

    @Test
    void revokingATokenEndsTheEventStreamOpenedWithIt() throws Exception {
        var stream = http.sendAsync(
                authorized(get("/api/v1/events"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        await().until(() -> apiTokens.list(admin).block().getFirst().lastUsedAt() != null);

        apiTokens.revoke(admin, apiTokens.list(admin).block().getFirst().id()).block();

        assertThat(stream)
                .succeedsWithin(Duration.ofSeconds(20))
                .satisfies(response -> assertThat(response.statusCode()).isEqualTo(200));
    }

    @Test
    void describesItselfInOpenApi() throws Exception {
        var description = send(get("/v3/api-docs").build());

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("/api/v1/launches", "/api/v1/events", "bearer");
    }

    private String launchBody(List<ClientOrg> clients, String courseId, String targeting) {
        String ids = clients.stream().map(client -> "\"" + client.id() + "\"").collect(Collectors.joining(","));
        String recipients = "groups".equals(targeting)
                ? ",\"targeting\":{\"mode\":\"EXCLUDE_GROUPS\",\"excludedGroups\":[\"" + UUID.randomUUID() + "\"]}"
                : "";
        return """
                {"submissionId":"%s","clients":[%s],"courses":[{"courseId":"%s","dueBy":"%s"}]%s}
                """.formatted(UUID.randomUUID(), ids, courseId, LocalDate.now().plusDays(30), recipients);
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

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
