package se.region.governance.commons.http;

import jakarta.ws.rs.core.EntityTag;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.DomainException.Kind;

import java.util.Map;

/**
 * Optimistic concurrency over HTTP: an aggregate's version is its strong {@code ETag}; writes carry
 * it back in {@code If-Match}. Missing when required: 428; stale: 412 (RFC 9110 / RFC 6585).
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks a required {@code If-Match}; {@code *} matches any existing version. */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionException(Kind.PRECONDITION_REQUIRED, "precondition-required", "Precondition Required",
                    "This update needs If-Match with the ETag of the version you read", currentVersion);
        }
        check(ifMatch, currentVersion);
    }

    /** Checks an optional {@code If-Match}: absent passes. */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || unquote(tag).equals(current)) {
                return;
            }
        }
        throw new PreconditionException(Kind.PRECONDITION_FAILED, "precondition-failed", "Precondition Failed",
                "The resource has changed since you read it (current ETag \"" + current + "\")", currentVersion);
    }

    /** True when {@code If-None-Match} names the given tag (weak comparison, as RFC 9110 prescribes for it). */
    public static boolean noneMatchHits(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*") || unquote(t).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** 412 or 428, mapped like every domain error, with the current ETag as a member. */
    public static final class PreconditionException extends DomainException {
        PreconditionException(Kind kind, String type, String title, String detail, long currentVersion) {
            super(kind, type, title, detail, Map.of("currentETag", "\"" + currentVersion + "\""));
        }
    }
}
