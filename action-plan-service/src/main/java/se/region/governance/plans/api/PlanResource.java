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
import se.region.governance.plans.application.PlanService;
import se.region.governance.plans.application.Views.PlanView;

import java.util.UUID;


/** Action plans: create, read, edit, list. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Action plans (handlingsplaner), e.g. regionstyrelsen 2022-08-17 § 183")
public class PlanResource {

    @Inject
    PlanService service;

    @GET
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    @Operation(summary = "List plans (without measures), oldest first",
            description = "Filters: title (exact, case-insensitive), diaryNumber of the decision, ownerUnit")
    public PageResponse<PlanView> list(@QueryParam("title") String title, @QueryParam("diaryNumber") String diaryNumber,
                                       @QueryParam("ownerUnit") String ownerUnit,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(new Commands.PlanQuery(title, diaryNumber, ownerUnit, page, size));
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Create a plan (status ACTIVE); a planner only for their own unit")
    public Response create(@Valid @NotNull Requests.PlanJson body, @Context UriInfo uri) {
        PlanView p = service.create(body.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .tag(EntityTags.of(p.version())).entity(p).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN})
    @Operation(summary = "A plan with its measures (progress rolled up, linked documents from the replica)")
    public Response get(@PathParam("id") UUID id) {
        PlanView p = service.get(id);
        return Response.ok(p).tag(EntityTags.of(p.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Change some fields of a plan (absent or null fields are kept; If-Match required)")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull Requests.PlanPatchJson body) {
        PlanView p = service.patch(id, ifMatch, body.toData());
        return Response.ok(p).tag(EntityTags.of(p.version())).build();
    }
}
