package se.region.governance.gateway.http;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/** problem+json for what fails at the gateway itself: unknown route, wrong method, too large, errors. */
public class NotFoundProblems {

    void install(@Observes Router router) {
        router.errorHandler(404, ctx -> Problems.write(ctx.response(), "not-found", "Not Found", 404,
                "No resource at " + ctx.normalizedPath(), ctx.normalizedPath()));
        router.errorHandler(405, ctx -> Problems.write(ctx.response(), "method-not-allowed", "Method Not Allowed", 405,
                "Method " + ctx.request().method() + " is not allowed here", ctx.normalizedPath()));
        router.errorHandler(413, ctx -> Problems.write(ctx.response(), "payload-too-large", "Payload Too Large", 413,
                "The request body is too large", ctx.normalizedPath()));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                Log.errorf(ctx.failure(), "Unhandled failure on %s", ctx.normalizedPath());
            }
            Problems.write(ctx.response(), "internal", "Internal Server Error", 500,
                    "An unexpected error occurred", ctx.normalizedPath());
        });
    }
}
