package app.muster.base;

import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one error path of the HTTP API: refusals and unknown ids as RFC 9457 problem details that say what is wrong,
 * anything unexpected as a problem with a reference to the log, never a stack trace.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final String TYPES = "https://muster.example/problems/";

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        var problem = problem(HttpStatus.BAD_REQUEST, "Request refused", "refused", refusal.getMessage());
        problem.setProperty("field", refusal.field());
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "not-found", notFound.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    ProblemDetail unexpected(RuntimeException error) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("API request failed (reference {}).", reference, error);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error",
                "unexpected",
                "Muster could not handle this request (reference " + reference + ").");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPES + type));
        return problem;
    }
}
