package app.muster.demo;

import app.muster.catalog.Course;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.DirectoryExportParser;
import app.muster.directory.DirectoryImport;
import app.muster.directory.GroupMembershipParser;
import app.muster.directory.ImportReport;
import app.muster.directory.TrainingState;
import app.muster.msp.Msps;
import app.muster.security.AdminPasswords;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo MSP on the first start: its course library, its 30 client orgs with their course access, and each
 * client's directory export and groups, through the same importer an MSP uses. A later start finds it and loads
 * nothing.
 */
@Component
@ConditionalOnProperty(name = "muster.demo.load", havingValue = "true")
class DemoMspLoader implements ApplicationRunner {

    static final String DEMO_MSP = "Demo MSP";
    static final String DEMO_ADMIN = "admin@demo-msp.example";

    private static final Logger log = LoggerFactory.getLogger(DemoMspLoader.class);
    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Msps msps;
    private final AdminPasswords adminPasswords;
    private final CourseLibrary courseLibrary;
    private final ClientOrgs clientOrgs;
    private final DirectoryImport directoryImport;
    private final TransactionalOperator transaction;
    private final DirectoryExportParser exportParser = new DirectoryExportParser();
    private final GroupMembershipParser groupParser = new GroupMembershipParser();

    DemoMspLoader(
            Msps msps,
            AdminPasswords adminPasswords,
            CourseLibrary courseLibrary,
            ClientOrgs clientOrgs,
            DirectoryImport directoryImport,
            TransactionalOperator transaction) {
        this.msps = msps;
        this.adminPasswords = adminPasswords;
        this.courseLibrary = courseLibrary;
        this.clientOrgs = clientOrgs;
        this.directoryImport = directoryImport;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        msps.findByName(DEMO_MSP)
                .flatMap(existing ->
                        adminPasswords.applyConfiguredPassword(DEMO_ADMIN).thenReturn(existing))
                .doOnNext(existing -> log.info("Demo MSP {} is already loaded; nothing to load.", existing))
                .switchIfEmpty(Mono.defer(() -> transaction.transactional(load())))
                .block();
    }

    private Mono<UUID> load() {
        return loadCourses()
                .then(msps.create(DEMO_MSP))
                .flatMap(mspId -> adminPasswords
                        .createAdmin(mspId, DEMO_ADMIN, "Demo MSP admin")
                        .thenMany(Flux.fromIterable(records("clients.csv")).concatMap(row -> loadClient(mspId, row)))
                        .count()
                        .doOnNext(clients -> log.info("Demo MSP {} loaded with {} client orgs.", mspId, clients))
                        .thenReturn(mspId));
    }

    private Mono<Void> loadCourses() {
        return Flux.fromIterable(records("courses.csv"))
                .map(row -> new Course(
                        row.get("course_id"),
                        row.get("title"),
                        row.get("category"),
                        Integer.parseInt(row.get("minutes")),
                        Arrays.asList(row.get("languages").split(" "))))
                .concatMap(courseLibrary::add)
                .then();
    }

    private Mono<ImportReport> loadClient(UUID mspId, CSVRecord row) {
        var state = "ready".equals(row.get("training")) ? TrainingState.READY : TrainingState.NOT_CONFIGURED;
        Set<String> withoutAccess = Set.of(row.get("courses_without_access").split(" "));
        return clientOrgs
                .create(mspId, row.get("client"), ZoneId.of(row.get("time_zone")), state)
                .flatMap(org -> grantAccess(org, withoutAccess)
                        .then(importDirectory(org, row.get("directory_file"), row.get("groups_file"))));
    }

    private Mono<Void> grantAccess(ClientOrg org, Set<String> withoutAccess) {
        return courseLibrary
                .all()
                .filter(course -> !withoutAccess.contains(course.id()))
                .concatMap(course -> courseLibrary.grantAccess(org.mspId(), org.id(), course.id()))
                .then();
    }

    private Mono<ImportReport> importDirectory(ClientOrg org, String directoryFile, String groupsFile) {
        var export = read(directoryFile, in -> exportParser.parse(fileName(directoryFile), in));
        var memberships = read(groupsFile, in -> groupParser.parse(fileName(groupsFile), in));
        return directoryImport.importInto(org, export, memberships);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<CSVRecord> records(String file) {
        return read(file, in -> {
            try {
                return CSV.parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .getRecords();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
    }

    private static <T> T read(String file, java.util.function.Function<InputStream, T> parse) {
        try (InputStream in = new ClassPathResource("demo/" + file).getInputStream()) {
            return parse.apply(in);
        } catch (IOException missing) {
            throw new UncheckedIOException("The demo data set lacks " + file + ".", missing);
        }
    }

    static String describe(List<ImportReport> reports) {
        return reports.stream().map(ImportReport::summary).collect(Collectors.joining("; "));
    }
}
