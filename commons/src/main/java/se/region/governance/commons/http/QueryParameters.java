package se.region.governance.commons.http;

import jakarta.ws.rs.core.UriInfo;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * Query parameters a resource parses itself rather than through JAX-RS, which answers a value it cannot convert
 * ({@code ?page=x}) with 404 and takes an empty one ({@code ?page=}) as absent: here both are a {@code 400}
 * naming the parameter, as bean validation answers a value out of range.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The parameter's value; {@code ""} when it was sent empty ({@code ?x=}), which Quarkus REST hands to a String
     * parameter as null, as if it had not been sent.
     */
    public static String sent(UriInfo uri, String name, String value) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    /** A whole number from {@code min} to {@code max}; {@code defaultValue} when not sent; else a 400 naming it. */
    public static int wholeNumber(UriInfo uri, String name, String value, int defaultValue, int min, int max) {
        String sent = sent(uri, name, value);
        if (sent == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(sent);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /** The 400 {@code validation} problem naming one parameter. */
    public static DomainException invalid(String name, String message) {
        return new DomainException(DomainException.Kind.INVALID, "validation", "Invalid request",
                "Invalid value of " + name, Map.of("errors", List.of(new Problem.FieldError(name, message))));
    }
}
