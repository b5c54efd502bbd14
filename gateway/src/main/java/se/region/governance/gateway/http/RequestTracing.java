package se.region.governance.gateway.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} (keeping valid ones the
 * client sent), passes both to the service, returns the request id, and makes both visible to the
 * access log (quarkus.http.access-log.pattern).
 */
public class RequestTracing {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern VALID_TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestTracing::trace);
    }

    static void trace(RoutingContext ctx) {
        var headers = ctx.request().headers();
        String id = headers.get(REQUEST_ID);
        if (id == null || !VALID_ID.matcher(id).matches()) {
            id = newRequestId();
            headers.set(REQUEST_ID, id);
        }
        String traceparent = headers.get(TRACEPARENT);
        if (traceparent == null || !VALID_TRACEPARENT.matcher(traceparent).matches()
                || traceparent.substring(3, 35).equals("0".repeat(32))) {
            headers.set(TRACEPARENT, newTraceparent());
        }
        ctx.response().putHeader(REQUEST_ID, id);
        ctx.next();
    }

    /**
     * Ids for correlation, not secrets: a thread-local generator is enough and, unlike SecureRandom,
     * costs nothing measurable per request on the proxy's hot path.
     */
    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    static String newTraceparent() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long spanId;
        do {
            spanId = r.nextLong();
        } while (spanId == 0);
        long high = r.nextLong();
        long low = r.nextLong();
        if (high == 0 && low == 0) {
            low = 1;
        }
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(high) + hex.toHexDigits(low) + "-" + hex.toHexDigits(spanId) + "-01";
    }
}
