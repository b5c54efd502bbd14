package se.region.governance.plans.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.QueryParameters;
import se.region.governance.plans.application.PlanStatusService.Tagged;
import se.region.governance.plans.application.PublicPlanService;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The plans as anyone may read them, without a token (ADR 10): every plan, its measures, their latest update and
 * collaborations, and no person's name. The only {@code @PermitAll} resource of the service, and read-only.
 */
@Path("/api/v1/public/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public", description = "Read without a token: what the region publishes (no person's name)")
@PermitAll
public class PublicPlanResource {

    /** Anyone may keep a copy, but must revalidate it (a 304 is cheap). */
    static final String CACHE_CONTROL = "public, no-cache";

    @Inject
    PublicPlanService service;

    @GET
    @Operation(summary = "Every plan with its overall progress, oldest first",
            description = "page from 0, size 1-100 (default 20). ETag; If-None-Match with it answers 304.")
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uri) {
        int p = QueryParameters.wholeNumber(uri, "page", page, 0, 0, Integer.MAX_VALUE);
        int s = QueryParameters.wholeNumber(uri, "size", size, 20, 1, 100);
        Tagged<?> tagged = service.plans(p, s);
        return conditional(ifNoneMatch, tagged.tag(), () -> tagged);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A plan: figures by status, overall progress, measures with latest update and collaborations",
            description = "The counts and overall progress are those of the status summary. ETag (the plan's latest "
                    + "change and the day); If-None-Match with it answers 304 without building the plan.")
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String tag = ifNoneMatch == null ? null : service.planTag(id);
        return conditional(ifNoneMatch, tag, () -> service.plan(id));
    }

    /** 304 when If-None-Match names {@code tag}; else the answer {@code build} makes, with its own tag. */
    private static Response conditional(String ifNoneMatch, String tag, Supplier<Tagged<?>> build) {
        if (tag != null && EntityTags.noneMatchHits(ifNoneMatch, tag)) {
            return Response.notModified(new EntityTag(tag)).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        Tagged<?> answer = build.get();
        return Response.ok(answer.value()).tag(new EntityTag(answer.tag()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
