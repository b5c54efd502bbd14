package se.region.governance.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.region.governance.commons.text.UnstorableTextException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become RFC 9457 problem+json. No class name, message of an
 * unexpected exception or stack trace reaches a client; unexpected errors are logged with a
 * reference that the problem body repeats.
 */
public class ProblemMappers {

    /** The message of Agroal's SQLException when no pooled connection became free in time. */
    static final String POOL_EXHAUSTED = "Sorry, acquisition timeout";
    static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Problem p = new Problem(e.type(), e.title(), e.kind().status, e.getMessage(), path(uri));
        e.properties().forEach(p::with);
        return p.toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.validation("Invalid value of " + fields, errors, path(uri)).toResponse();
    }

    // Listed one by one: a mapper for the closest type wins, and Quarkus ships mappers for some subtypes.
    @ServerExceptionMapper(priority = 1, value = {JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new Problem("malformed-json", "Malformed JSON", 400,
                    "The request body is not well-formed JSON", path(uri)).toResponse();
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (mapping instanceof UnstorableTextException unstorable) {
            message = unstorable.getOriginalMessage();
        } else if (mapping instanceof InvalidFormatException f && "".equals(f.getValue())) {
            message = "must not be an empty string (leave the field out or send null for no value)";
        } else if (mapping instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
            message = "must be a date YYYY-MM-DD from 1583-01-01 to 9999-12-31";
        } else if (mapping instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (mapping instanceof InvalidFormatException f && f.getTargetType() != null) {
            message = "must be a valid " + f.getTargetType().getSimpleName();
        } else {
            message = "has the wrong type or shape";
        }
        if (field.isEmpty()) {
            return new Problem("malformed-json", "Malformed JSON", 400,
                    "The request body does not have the expected shape", path(uri)).toResponse();
        }
        return Problem.validation("Invalid value of " + field, List.of(new Problem.FieldError(field, message)), path(uri))
                .toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(Exception e, UriInfo uri) {
        Response r = new Problem("unauthorized", "Unauthorized", 401,
                "A valid bearer token (issuer, audience, signature, expiry) is required", path(uri)).toResponse();
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return new Problem("forbidden", "Forbidden", 403, "Your roles do not allow this operation", path(uri))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "Method not allowed here" + (original.getAllowedMethods().isEmpty() ? ""
                    : "; allowed: " + String.join(", ", original.getAllowedMethods()));
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "Unsupported content type";
            case 413 -> "The request body is too large";
            default -> title;
        };
        Response.ResponseBuilder b = Response.fromResponse(new Problem(slug(title), title, status, detail, path(uri))
                .toResponse());
        if (e instanceof NotAllowedException && !original.getAllowedMethods().isEmpty()) {
            b.allow(original.getAllowedMethods());
        }
        return b.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getName().equals("org.hibernate.StaleObjectStateException")) {
                return new Problem("precondition-failed", "Precondition Failed", 412,
                        "The resource was changed concurrently; read it again and retry", path(uri)).toResponse();
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return new Problem("conflict", "Conflict", 409,
                        "The change conflicts with stored data (a unique or referential rule)", path(uri)).toResponse();
            }
            if (t instanceof DomainException d) {
                return domain(d, uri);
            }
            if (isClientGone(t)) {
                // the client closed the connection before its request was read: nobody reads this answer
                Log.debugf("Client went away on %s: %s", path(uri), t);
                return new Problem("client-closed-request", "Bad Request", 400,
                        "The connection was closed before the request was read", path(uri)).toResponse();
            }
            if (isOverload(t)) {
                Log.warnf("Overloaded on %s: %s", path(uri), t.getMessage());
                return Response.fromResponse(new Problem("service-busy", "Service Unavailable", 503,
                                "The service is busy or its database is unreachable (no connection or lock in time, or "
                                        + "the connection was lost); nothing was changed; retry after a moment", path(uri)).toResponse())
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
            }
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s", reference, path(uri));
        return new Problem("internal", "Internal Server Error", 500,
                "An unexpected error occurred; quote reference " + reference, path(uri))
                .with("reference", reference).toResponse();
    }

    /**
     * Overload, not a fault: the connection pool had no free connection within its acquisition timeout
     * (Agroal's SQLException), or PostgreSQL gave up waiting for a lock (55P03) or cancelled a statement
     * on its statement timeout (57014), or the connection to the database was lost (class 08) or ended by
     * the server shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
     * now: a restart of PostgreSQL, seen in bench/faults). The transaction rolled back, so a retry is safe.
     */
    static boolean isOverload(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            return "55P03".equals(state) || "57014".equals(state) || (state != null && state.startsWith("08"))
                    || "57P01".equals(state) || "57P02".equals(state) || "57P03".equals(state)
                    || (sql.getMessage() != null && sql.getMessage().startsWith(POOL_EXHAUSTED));
        }
        return false;
    }

    /** The client closed the connection (e.g. its timeout) while the request body was still being read. */
    static boolean isClientGone(Throwable t) {
        return t instanceof java.nio.channels.ClosedChannelException
                || "io.vertx.core.http.HttpClosedException".equals(t.getClass().getName());
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.body.title" -> "title"; "list.size" -> "size"
        String[] parts = v.getPropertyPath().toString().split("\\.");
        int start = Math.min(parts.length - 1, 2);
        if (parts.length == 2) {
            start = 1;
        }
        return String.join(".", Arrays.copyOfRange(parts, Math.max(start, 0), parts.length));
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
