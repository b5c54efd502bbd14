package se.region.governance.reports.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.region.governance.commons.problem.Problem;
import se.region.governance.reports.rendering.RenderBound;

/** Every render this instance may run at once is running: 503 problem+json with Retry-After; nothing was changed. */
public class RenderProblems {

    /** A few seconds: about as long as a large report's PDF takes. */
    static final String RETRY_AFTER_SECONDS = "3";

    @ServerExceptionMapper
    public Response busy(RenderBound.RenderersBusy e, UriInfo uri) {
        return Response.fromResponse(new Problem("renderers-busy", "Service Unavailable", 503,
                        "As many reports as this instance renders at once are being rendered; nothing was changed; retry "
                                + "after a moment", "/" + uri.getPath().replaceFirst("^/", "")).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
