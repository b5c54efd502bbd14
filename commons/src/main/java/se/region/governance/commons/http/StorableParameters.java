package se.region.governance.commons.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import se.region.governance.commons.problem.Problem;
import se.region.governance.commons.text.StorableText;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query and path parameters obey the same rule as request bodies ({@link StorableText}): a parameter
 * holding a character the set cannot store is refused with a {@code 400} naming it, before any
 * resource method sees it (a NUL in a search term would otherwise reach PostgreSQL as an error).
 */
public class StorableParameters {

    @ServerRequestFilter
    public Optional<Response> refuseUnstorable(ContainerRequestContext request) {
        Optional<Response> refused = check("query parameter", request.getUriInfo().getQueryParameters(), request);
        return refused.isPresent() ? refused : check("path parameter", request.getUriInfo().getPathParameters(), request);
    }

    private static Optional<Response> check(String what, MultivaluedMap<String, String> params,
                                            ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            Optional<StorableText.Problem> name = StorableText.check(param.getKey());
            if (name.isPresent()) {
                return Optional.of(refuse(what + " name", name.get(), request));
            }
            for (String value : param.getValue()) {
                Optional<StorableText.Problem> problem = StorableText.check(value);
                if (problem.isPresent()) {
                    return Optional.of(refuse(param.getKey(), problem.get(), request));
                }
            }
        }
        return Optional.empty();
    }

    private static Response refuse(String field, StorableText.Problem problem, ContainerRequestContext request) {
        return Problem.validation("Invalid value of " + field,
                        List.of(new Problem.FieldError(field, problem.describe())),
                        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""))
                .toResponse();
    }
}
