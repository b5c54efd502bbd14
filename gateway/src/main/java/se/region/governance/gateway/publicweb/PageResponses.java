package se.region.governance.gateway.publicweb;

import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How a page leaves the gateway: rendered, with a strong ETag (a hash of the page) and {@code 304} when the
 * client has it already; {@code Cache-Control: public, no-cache} (anyone may keep it, asking again first). An
 * error is a page in the same design with its status, never a stack trace.
 */
@Singleton
public class PageResponses {

    static final String HTML = "text/html; charset=UTF-8";

    void page(RoutingContext ctx, TemplateInstance page) {
        String html;
        try {
            html = page.render();
        } catch (RuntimeException e) {
            Log.errorf(e, "Page %s could not be rendered", ctx.normalizedPath());
            error(ctx, 500, "Något gick fel", "Sidan kunde inte visas. Försök igen senare.");
            return;
        }
        send(ctx, 200, HTML, Buffer.buffer(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** A body of any type with its ETag, or 304 when If-None-Match names it. */
    void send(RoutingContext ctx, int status, String contentType, Buffer body) {
        if (ctx.response().headWritten()) {
            return;
        }
        String etag = "\"" + hash(body) + "\"";
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "public, no-cache");
        if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
    }

    void error(RoutingContext ctx, int status, String heading, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        String html = PublicTemplates.error(status, heading, message).render();
        ctx.response().setStatusCode(status).putHeader("Content-Type", HTML)
                .putHeader("Cache-Control", "no-store").end(html);
    }

    void notFound(RoutingContext ctx) {
        error(ctx, 404, "Sidan finns inte",
                "Det finns ingen offentlig sida på den här adressen. Den kan ha flyttats, eller så är handlingen inte offentlig ännu.");
    }

    void unavailable(RoutingContext ctx, Throwable failure) {
        Log.warnf("Public page %s: a service failed: %s", ctx.normalizedPath(), failure == null ? "" : failure.toString());
        ctx.response().putHeader("Retry-After", "5");
        error(ctx, 503, "Tjänsten är inte tillgänglig just nu",
                "Uppgifterna kunde inte hämtas. Försök igen om en stund.");
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(Buffer body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
