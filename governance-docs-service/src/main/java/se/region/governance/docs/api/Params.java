package se.region.governance.docs.api;

import se.region.governance.docs.application.DocumentQuery;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import static se.region.governance.commons.http.QueryParameters.invalid;
import static se.region.governance.commons.http.QueryParameters.sent;
import static se.region.governance.commons.http.QueryParameters.wholeNumber;

/**
 * Typed query parameters, parsed here rather than by JAX-RS: a value JAX-RS cannot convert answers
 * 404 there, and an empty one is taken as absent. Here both are a 400 naming the parameter.
 */
final class Params {

    private Params() {
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
                wholeNumber(uri, "page", page, 0, 0, Integer.MAX_VALUE / maxSize),
                wholeNumber(uri, "size", size, 20, 1, maxSize));
    }

    /** A 400 validation problem naming one parameter (or field), as bean validation answers. */
}
