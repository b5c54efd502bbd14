package se.region.governance.plans.api;

import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;

import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/**
 * Whole-number query parameters parsed here rather than by JAX-RS, which answers a value it cannot convert
 * ({@code ?page=x}) with 404: here it is a 400 naming the parameter, as bean validation answers a value out of
 * range. The same helper as the documents service's.
 */
final class Params {

    private Params() {
    }

    /**
     * The parameter's value; "" when it was sent empty ({@code ?page=}), which Quarkus REST hands to a String
     * parameter as null, as if it had not been sent.
     */
    static String sent(UriInfo uri, String name, String value) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(value);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new DomainException(DomainException.Kind.INVALID, "validation", "Invalid request",
                "Invalid value of " + name, Map.of("errors",
                List.of(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max))));
    }
}
