package se.region.governance.gateway;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestTracing::trace);
    }

    static void trace(RoutingContext ctx) {
        var headers = ctx.request().headers();
        String id = headers.get(REQUEST_ID);
        if (id == null || !VALID_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
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

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
