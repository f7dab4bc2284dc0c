package app.muster.api;

import app.muster.base.NotFound;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other address under /api answers as the API does, with a problem, rather than with a page. */
@Hidden
@RestController
class UnknownEndpoints {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFound("The API endpoint " + request.getMethod() + " " + request.getRequestURI());
    }
}
