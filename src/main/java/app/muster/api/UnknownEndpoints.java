package app.muster.api;

import app.muster.base.NotFound;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any other request under /api answers as the API does, with a problem rather than with a page: 404 for an address
 * that is no endpoint, 405 for an endpoint asked with another method, 415 for a body that is not JSON.
 */
@Hidden
@RestController
class UnknownEndpoints {

    private static final String EVERYTHING_ELSE = "/api/**";

    private final RequestMappingHandlerMapping mappings;

    UnknownEndpoints(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(EVERYTHING_ELSE)
    void unknown(HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException, HttpMediaTypeNotSupportedException {
        Set<String> allowed = new LinkedHashSet<>();
        boolean addressExists = false;
        for (RequestMappingInfo endpoint : mappings.getHandlerMethods().keySet()) {
            if (endpoint.getPatternValues().contains(EVERYTHING_ELSE)
                    || endpoint.getPathPatternsCondition() == null
                    || endpoint.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            addressExists = true;
            endpoint.getMethodsCondition().getMethods().forEach(method -> allowed.add(method.name()));
        }
        if (!addressExists) {
            throw new NotFound("The API endpoint " + request.getMethod() + " " + request.getRequestURI());
        }
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
        throw new HttpMediaTypeNotSupportedException(
                MediaType.parseMediaType(
                        request.getContentType() == null ? "application/octet-stream" : request.getContentType()),
                List.of(MediaType.APPLICATION_JSON));
    }
}
