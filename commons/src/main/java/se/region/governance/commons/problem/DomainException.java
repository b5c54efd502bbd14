package se.region.governance.commons.problem;

import java.util.Map;

/**
 * A broken business rule, raised by domain and application code without any HTTP type.
 * {@link ProblemMappers} turns it into RFC 9457 problem+json with the status its {@link Kind} implies.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** The resource does not exist: 404. */
        NOT_FOUND(404),
        /** The request clashes with the current state (duplicate, illegal transition, frozen): 409. */
        CONFLICT(409),
        /** Well-formed but semantically unusable (e.g. a link to an unknown document): 422. */
        UNPROCESSABLE(422),
        /** Invalid input the bean validation could not express: 400. */
        INVALID(400),
        /** The caller may not change this object: 403. */
        FORBIDDEN(403),
        /** The version the caller read is stale (If-Match): 412. */
        PRECONDITION_FAILED(412),
        /** The caller must say which version it read (If-Match): 428. */
        PRECONDITION_REQUIRED(428);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    /**
     * @param kind       what kind of rule was broken
     * @param type       a stable, short problem type slug, e.g. {@code invalid-transition}
     * @param title      a short human summary that does not change between occurrences
     * @param detail     this occurrence, for humans
     * @param properties extra members for clients (e.g. {@code currentStatus}, {@code allowed})
     */
    public DomainException(Kind kind, String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public DomainException(Kind kind, String type, String title, String detail) {
        this(kind, type, title, detail, Map.of());
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "not-found", "Resource not found", what + " " + id + " does not exist");
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
