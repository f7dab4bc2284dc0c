package app.muster.learning;

import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The xAPI statements resource for external course players: one statement or an array of them. */
@RestController
class XapiController {

    private final XapiStatements statements;

    XapiController(XapiStatements statements) {
        this.statements = statements;
    }

    @PostMapping(
            path = "/xapi/statements",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<UUID>> post(@RequestBody JsonNode body) {
        Flux<JsonNode> each = body.isArray() ? Flux.fromIterable(body.values()) : Flux.just(body);
        return each.concatMap(statements::receive).collectList();
    }
}
