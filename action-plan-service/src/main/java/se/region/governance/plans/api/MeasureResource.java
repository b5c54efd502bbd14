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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.security.Roles;
import se.region.governance.plans.application.Commands;
import se.region.governance.plans.application.MeasureService;
import se.region.governance.plans.application.ProgressService;
import se.region.governance.plans.application.Views.CollaborationView;
import se.region.governance.plans.application.Views.MeasureView;
import se.region.governance.plans.application.Views.UpdateView;
import se.region.governance.plans.application.Views.Written;
import se.region.governance.plans.domain.MeasureStatus;

import java.util.UUID;


/** Measures of a plan, their progress updates and collaboration records. */
@Path("/api/v1/plans/{id}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Measures", description = "Measures (åtgärder), sub-activities, progress updates and samverkan")
public class MeasureResource {

    @Inject
    MeasureService measures;
    @Inject
    ProgressService progress;

    @GET
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    @Operation(summary = "List the plan's measures in code order (2 before 2.1 before 10)")
    public PageResponse<MeasureView> list(@PathParam("id") UUID planId, @QueryParam("code") String code,
                                          @QueryParam("status") MeasureStatus status,
                                          @QueryParam("responsibleUnit") String responsibleUnit,
                                          @QueryParam("parentId") UUID parentId,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(1000) int size) {
        return measures.list(planId, new Commands.MeasureQuery(code, status, responsibleUnit, parentId, page, size));
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Add a measure or sub-activity (parentId); a planner only for their own unit",
            description = "A planner also needs the unit of the parent measure (or, at the top level, of the plan) "
                    + "whose progress the new measure changes: 403 otherwise. Linking a document the register does not "
                    + "know answers 422.")
    public Response create(@PathParam("id") UUID planId, @Valid @NotNull Requests.MeasureJson body,
                           @Context UriInfo uri) {
        MeasureView m = measures.create(planId, body.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(m.id().toString()).build())
                .tag(EntityTags.of(m.version())).entity(m).build();
    }

    @GET
    @Path("{mid}")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    public Response get(@PathParam("id") UUID planId, @PathParam("mid") UUID id) {
        MeasureView m = measures.get(planId, id);
        return Response.ok(m).tag(EntityTags.of(m.version())).build();
    }

    @PATCH
    @Path("{mid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Change some fields of a measure (If-Match required; status and progress: POST .../updates)",
            description = "Absent or null fields are kept, except parentId: null moves the measure to the plan's top "
                    + "level. A planner may change only measures of their unit; moving a measure, or changing its weight, "
                    + "also needs the unit of the parent (or plan) it leaves and enters, whose progress it changes: 403.")
    public Response patch(@PathParam("id") UUID planId, @PathParam("mid") UUID id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull Requests.MeasurePatchJson body) {
        MeasureView m = measures.patch(planId, id, ifMatch, body.toData());
        return Response.ok(m).tag(EntityTags.of(m.version())).build();
    }

    @GET
    @Path("{mid}/updates")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    @Operation(summary = "The measure's progress updates (its history), oldest first")
    public PageResponse<UpdateView> updates(@PathParam("id") UUID planId, @PathParam("mid") UUID id,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(1000) int size) {
        return progress.updates(planId, id, page, size);
    }

    @POST
    @Path("{mid}/updates")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Report progress (lägesrapport): date, status, progress, text, obstacles, next steps, example",
            description = "The latest update by date sets the measure's status (allowed transitions only: 409 otherwise) "
                    + "and progress. Optional If-Match with the measure's ETag; the answer's ETag is the measure's new one.")
    public Response report(@PathParam("id") UUID planId, @PathParam("mid") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull Requests.UpdateJson body, @Context UriInfo uri) {
        Written<UpdateView> w = progress.report(planId, id, ifMatch, body.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(w.view().id().toString()).build())
                .tag(EntityTags.of(w.version())).entity(w.view()).build();
    }

    @GET
    @Path("{mid}/updates/{uid}")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    public UpdateView update(@PathParam("id") UUID planId, @PathParam("mid") UUID id, @PathParam("uid") UUID uid) {
        return progress.update(planId, id, uid);
    }

    @GET
    @Path("{mid}/collaborations")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    public PageResponse<CollaborationView> collaborations(@PathParam("id") UUID planId, @PathParam("mid") UUID id,
                                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(1000) int size) {
        return progress.collaborations(planId, id, page, size);
    }

    @POST
    @Path("{mid}/collaborations")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Record a collaboration (samverkan) with employees and unions on this measure")
    public Response collaborate(@PathParam("id") UUID planId, @PathParam("mid") UUID id,
                                @Valid @NotNull Requests.CollaborationJson body, @Context UriInfo uri) {
        Written<CollaborationView> w = progress.collaborate(planId, id, body.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(w.view().id().toString()).build())
                .tag(EntityTags.of(w.version())).entity(w.view()).build();
    }

    @GET
    @Path("{mid}/collaborations/{cid}")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    public CollaborationView collaboration(@PathParam("id") UUID planId, @PathParam("mid") UUID id,
                                           @PathParam("cid") UUID cid) {
        CollaborationView c = progress.collaboration(planId, cid);
        if (!id.equals(c.measureId())) {
            throw se.region.governance.commons.problem.DomainException.notFound("Collaboration", cid);
        }
        return c;
    }
}
