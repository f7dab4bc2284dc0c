package app.muster.enrollment;

import app.muster.base.Rows;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.security.AdminPrincipal;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Previews a launch per client before it is submitted: the learners it reaches and its Needs Access courses. */
@Service
public class LaunchPreview {

    private static final String TARGETED_ACTIVE_USERS = """
            SELECT COUNT(*) AS learners
            FROM org_user u
            WHERE \s""" + TargetedUsers.CONDITION;

    private final DatabaseClient db;
    private final ClientOrgs clientOrgs;
    private final CourseLibrary courseLibrary;

    LaunchPreview(DatabaseClient db, ClientOrgs clientOrgs, CourseLibrary courseLibrary) {
        this.db = db;
        this.clientOrgs = clientOrgs;
        this.courseLibrary = courseLibrary;
    }

    public Flux<ClientPreview> preview(
            AdminPrincipal admin, List<UUID> orgIds, List<String> courseIds, Targeting targeting) {
        return Flux.fromIterable(orgIds)
                .concatMap(orgId -> clientOrgs
                        .find(admin.scope(), orgId)
                        .flatMap(org -> preview(admin, org, courseIds, targeting)));
    }

    private Mono<ClientPreview> preview(
            AdminPrincipal admin, ClientOrg org, List<String> courseIds, Targeting targeting) {
        if (!org.ready()) {
            return Mono.just(new ClientPreview(
                    org.id(), org.name(), 0, List.of(), org.name() + " is Not configured for training."));
        }
        return Mono.zip(learners(org.id(), targeting), courseLibrary.coursesWithAccess(admin.scope(), org.id()))
                .map(found -> new ClientPreview(
                        org.id(),
                        org.name(),
                        found.getT1(),
                        courseIds.stream()
                                .filter(id -> !found.getT2().contains(id))
                                .toList(),
                        null));
    }

    private Mono<Long> learners(UUID orgId, Targeting targeting) {
        return TargetedUsers.bind(db.sql(TARGETED_ACTIVE_USERS), orgId, targeting)
                .map(row -> Rows.count(row, "learners"))
                .one();
    }
}
