package se.region.governance.plans.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.security.Roles;
import se.region.governance.plans.application.PlanStatusService;
import se.region.governance.plans.application.ProgressService;
import se.region.governance.plans.application.Views.ChangePage;
import se.region.governance.plans.application.Views.CollaborationView;
import se.region.governance.plans.application.Views.PlanStatusSummary;
import se.region.governance.plans.application.Views.Written;

import java.util.UUID;


/** For other regional systems: the status summary (conditional GET) and the change feed; plan-level samverkan. */
@Path("/api/v1/plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plan status and changes", description = "Summary and ordered change feed for other systems")
public class PlanFeedResource {

    /** Clients may keep the summary but must revalidate it (a 304 costs one index lookup). */
    static final String CACHE_CONTROL = "private, max-age=0, must-revalidate";

    @Inject
    PlanStatusService status;
    @Inject
    ProgressService progress;

    @GET
    @Path("status")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Status summary: counts by status (sub-measures included), overall progress, overdue, last change",
            description = "Strong ETag; If-None-Match with it answers 304 without building the summary.")
    public Response status(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (ifNoneMatch != null) {
            String tag = status.statusTag(id);
            if (EntityTags.noneMatchHits(ifNoneMatch, tag)) {
                return Response.notModified(new EntityTag(tag)).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
            }
        }
        PlanStatusService.Tagged<PlanStatusSummary> s = status.summary(id);
        return Response.ok(s.value()).tag(new EntityTag(s.tag())).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    @GET
    @Path("changes")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The plan's changes in commit order after an opaque cursor",
            description = "Start without after; then pass the answer's next. Past the newest change, items is empty "
                    + "and next unchanged. An invalid cursor answers 400.")
    public ChangePage changes(@PathParam("id") UUID id, @QueryParam("after") String after,
                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return status.changes(id, after, limit);
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    @Operation(summary = "The audit trail: every change of the plan with who made it and when (oldest first)",
            description = "Not for integration, which reads only the status summary and the change feed.")
    public PageResponse<se.region.governance.plans.application.Views.AuditItem> history(
            @PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return status.history(id, page, size);
    }

    @GET
    @Path("collaborations")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    @Operation(summary = "Every collaboration record of the plan (plan-level and per measure), by date")
    public PageResponse<CollaborationView> collaborations(@PathParam("id") UUID id,
                                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(1000) int size) {
        return progress.collaborations(id, null, page, size);
    }

    @POST
    @Path("collaborations")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Record a collaboration (samverkan) with employees and unions on the whole plan")
    public Response collaborate(@PathParam("id") UUID id, @Valid @NotNull Requests.CollaborationJson body,
                                @Context UriInfo uri) {
        Written<CollaborationView> w = progress.collaborate(id, null, body.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(w.view().id().toString()).build())
                .tag(EntityTags.of(w.version())).entity(w.view()).build();
    }

    @GET
    @Path("collaborations/{cid}")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    public CollaborationView collaboration(@PathParam("id") UUID id, @PathParam("cid") UUID cid) {
        return progress.collaboration(id, cid);
    }
}
