package app.muster.api;

import app.muster.catalog.Course;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.UserGroup;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.enrollment.LaunchResult;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.RetryService;
import app.muster.enrollment.TrainingChanged;
import app.muster.enrollment.TrainingEvents;
import app.muster.security.AdminPrincipal;
import app.muster.security.ApiTokenFilter;
import app.muster.security.ApiTokens;
import app.muster.tracking.BatchDetail;
import app.muster.tracking.BatchRow;
import app.muster.tracking.TrainingOverview;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Muster's REST API, version 1: what the wizard and the training pages do, for scripts. Every call acts as the
 * admin whose personal API token it carries, within that admin's MSP; refusals carry the wizard's messages.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@OpenAPIDefinition(
        info = @Info(title = "Muster API", version = "1"),
        security = @SecurityRequirement(name = "personalToken"))
@SecurityScheme(
        name = "personalToken",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "A personal API token, created under API tokens in the portal.")
class TrainingApi {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration TOKEN_CHECK = Duration.ofSeconds(5);

    private final ClientOrgs clientOrgs;
    private final CourseLibrary courseLibrary;
    private final LaunchService launchService;
    private final RetryService retryService;
    private final TrainingOverview overview;
    private final TrainingEvents events;
    private final ApiTokens apiTokens;

    TrainingApi(
            ClientOrgs clientOrgs,
            CourseLibrary courseLibrary,
            LaunchService launchService,
            RetryService retryService,
            TrainingOverview overview,
            TrainingEvents events,
            ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
        this.clientOrgs = clientOrgs;
        this.courseLibrary = courseLibrary;
        this.launchService = launchService;
        this.retryService = retryService;
        this.overview = overview;
        this.events = events;
    }

    @GetMapping("/clients")
    Flux<ClientOrg> clients(@AuthenticationPrincipal AdminPrincipal admin) {
        return clientOrgs.list(admin.scope());
    }

    @GetMapping("/clients/{orgId}/groups")
    Flux<UserGroup> groups(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable UUID orgId) {
        return clientOrgs.find(admin.scope(), orgId).thenMany(clientOrgs.groups(admin.scope(), orgId));
    }

    @GetMapping("/courses")
    Flux<Course> courses() {
        return courseLibrary.all();
    }

    /** Launches and answers with every client's result once all are in. */
    @PostMapping(path = "/launches", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<LaunchResult>> launch(@AuthenticationPrincipal AdminPrincipal admin, @RequestBody LaunchBody body) {
        return Mono.fromCallable(body::toRequest)
                .flatMapMany(request -> launchService.launch(admin, request))
                .collectList();
    }

    /** Launches and streams each client's result as its batch is created, then a final "done" event. */
    @PostMapping(
            path = "/launches",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> launchStreaming(
            @AuthenticationPrincipal AdminPrincipal admin, @RequestBody LaunchBody body) {
        return Mono.fromCallable(body::toRequest)
                .flatMapMany(request -> launchService.launch(admin, request))
                .map(result ->
                        ServerSentEvent.<Object>builder(result).event("result").build())
                .concatWith(Mono.just(ServerSentEvent.<Object>builder("launch finished")
                        .event("done")
                        .build()));
    }

    @GetMapping("/clients/{orgId}/batches")
    Mono<List<BatchRow>> batches(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable UUID orgId) {
        return overview.client(admin.scope(), orgId).map(client -> client.batches());
    }

    @GetMapping("/clients/{orgId}/batches/{batchId}")
    Mono<BatchDetail> batch(
            @AuthenticationPrincipal AdminPrincipal admin, @PathVariable UUID orgId, @PathVariable UUID batchId) {
        return overview.batch(admin.scope(), orgId, batchId);
    }

    @PostMapping("/course-enrollments/{courseEnrollmentId}/retry")
    Mono<RetryOutcome> retry(@AuthenticationPrincipal AdminPrincipal admin, @PathVariable UUID courseEnrollmentId) {
        return retryService.retry(admin, courseEnrollmentId).map(RetryOutcome::new);
    }

    /** Status changes of the MSP's training as they happen, with a heartbeat comment every 15 seconds. */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<TrainingChanged>> events(
            @AuthenticationPrincipal AdminPrincipal admin, HttpServletRequest request) {
        var changes = events.changes(admin.scope())
                .map(change -> ServerSentEvent.builder(change).event("changed").build());
        var heartbeat = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<TrainingChanged>builder()
                        .comment("still here")
                        .build());
        String token = (String) request.getAttribute(ApiTokenFilter.TOKEN);
        var revoked = Flux.interval(TOKEN_CHECK)
                .concatMap(tick -> apiTokens.live(token))
                .filter(live -> !live);
        return Flux.merge(changes, heartbeat).takeUntilOther(revoked);
    }

    record RetryOutcome(CourseEnrollmentStatus status) {}
}
