package se.region.governance.commons.problem;

import io.quarkus.logging.Log;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem+json for the failures that happen before a request reaches a REST resource: no route
 * (404), a body over {@code quarkus.http.limits.max-body-size} (413), and anything else the HTTP
 * layer fails with.
 */
public class RouterProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        // Refuse an announced oversized body before anything reads it, with a problem body
        // (the HTTP layer's own 413 has none). Chunked bodies still meet the HTTP layer's limit.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                    && length.length() < 19 && Long.parseLong(length) > maxBodySize.asLongValue()) {
                ctx.response().putHeader("Connection", "close");
                write(ctx, new Problem("payload-too-large", "Payload Too Large", 413,
                        "The request body is larger than " + maxBodySize.asLongValue() + " bytes", ctx.normalizedPath()));
                return;
            }
            ctx.next();
        });
        router.errorHandler(404, ctx -> write(ctx, new Problem("not-found", "Not Found", 404,
                "No resource at " + ctx.normalizedPath(), ctx.normalizedPath())));
        router.errorHandler(405, ctx -> write(ctx, new Problem("method-not-allowed", "Method Not Allowed", 405,
                "Method " + ctx.request().method() + " is not allowed here", ctx.normalizedPath())));
        router.errorHandler(413, ctx -> write(ctx, new Problem("payload-too-large", "Payload Too Large", 413,
                "The request body is too large", ctx.normalizedPath())));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                Log.errorf(ctx.failure(), "Unhandled HTTP failure on %s", ctx.normalizedPath());
            }
            write(ctx, new Problem("internal", "Internal Server Error", 500,
                    "An unexpected error occurred", ctx.normalizedPath()));
        });
    }

    private static void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ctx.response().setStatusCode(problem.status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
