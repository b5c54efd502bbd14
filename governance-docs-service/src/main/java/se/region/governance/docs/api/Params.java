package se.region.governance.docs.api;

import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;
import se.region.governance.docs.application.DocumentQuery;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed query parameters, parsed here rather than by JAX-RS: a value JAX-RS cannot convert answers
 * 404 there, and an empty one is taken as absent. Here both are a 400 naming the parameter.
 */
final class Params {

    private Params() {
    }

    /**
     * The parameter's value; "" when it was sent empty ({@code ?x=}), which Quarkus REST hands to a
     * String parameter as null, as if it had not been sent.
     */
    static String sent(UriInfo uri, String name, String value) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date YYYY-MM-DD");
        }
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
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /**
     * A register search from its query parameters (as the resource method received them), each invalid one a 400
     * naming it: the register's list and the public one parse them alike; the public one passes no unit, diary
     * number or review date.
     */
    static DocumentQuery documentQuery(UriInfo uri, String q, String type, String status, String principle,
                                       String ownerUnit, String diaryNumber, String reviewDueBefore, String sort,
                                       String page, String size, int maxSize) {
        return DocumentQuery.of(q,
                enumValue("type", sent(uri, "type", type), DocumentType.class),
                enumValue("status", sent(uri, "status", status), DocumentStatus.class),
                enumValue("principle", sent(uri, "principle", principle), Principle.class), ownerUnit, diaryNumber,
                date("reviewDueBefore", sent(uri, "reviewDueBefore", reviewDueBefore)),
                sent(uri, "sort", sort),
                integer("page", sent(uri, "page", page), 0, 0, Integer.MAX_VALUE / maxSize),
                integer("size", sent(uri, "size", size), 20, 1, maxSize));
    }

    /** A 400 validation problem naming one parameter (or field), as bean validation answers. */
    static DomainException invalid(String name, String message) {
        return new DomainException(DomainException.Kind.INVALID, "validation", "Invalid request",
                "Invalid value of " + name, Map.of("errors", List.of(new Problem.FieldError(name, message))));
    }
}
