package app.muster.base;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one error path of the HTTP API: refusals and unknown ids as RFC 9457 problem details that say what is wrong,
 * anything unexpected as a problem with a reference to the log, never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
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

    /** A body that is not JSON, or a field of the wrong kind: the problem names the field and what it expects. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException error) {
        var mismatch = cause(error, MismatchedInputException.class);
        if (mismatch == null || mismatch.getPath().isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Unreadable request",
                    "unreadable",
                    "The request body is not a JSON object of the expected shape. Send one as the API description "
                            + "at /v3/api-docs shows.");
        }
        String field = path(mismatch.getPath());
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable request",
                "unreadable",
                "The field '" + field + "' must be " + expected(mismatch.getTargetType()) + ".");
        problem.setProperty("field", field);
        return problem;
    }

    /** An id or other value in the address that is not of its kind, such as a malformed id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException error) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable request",
                "unreadable",
                "The parameter '" + error.getName() + "' must be " + expected(error.getRequiredType()) + ".");
        problem.setProperty("field", error.getName());
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> kind) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return kind.cast(cause);
            }
        }
        return null;
    }

    private static String path(List<JacksonException.Reference> references) {
        var path = new StringBuilder();
        for (var reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date like 2027-01-31";
        }
        if (type == UUID.class) {
            return "an id like 3f2c5a4e-8b1d-4c6f-9a7e-2d4b6c8e0f13";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a JSON object";
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
