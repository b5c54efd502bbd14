package se.region.governance.commons.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem
 * ({@value #TYPE_BASE}{slug}); extension members (e.g. {@code errors}) are written at top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public static final String TYPE_BASE = "https://governance.region.se/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public final URI type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String slug, String title, int status, String detail, String instance) {
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** One offending field of a validation problem. */
    public record FieldError(String field, String message) {
    }

    public static Problem validation(String detail, List<FieldError> errors, String instance) {
        return new Problem("validation", "Invalid request", 400, detail, instance).with("errors", errors);
    }
}
