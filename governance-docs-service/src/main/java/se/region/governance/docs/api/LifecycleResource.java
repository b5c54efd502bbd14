package se.region.governance.docs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.docs.application.Commands;
import se.region.governance.docs.application.DocumentView;
import se.region.governance.docs.application.LifecycleService;
import se.region.governance.docs.application.LifecycleViews.ConsultationView;

import java.util.List;
import java.util.UUID;

import static se.region.governance.commons.security.Roles.ADMIN;
import static se.region.governance.commons.security.Roles.PLANNER;
import static se.region.governance.commons.security.Roles.READER;
import static se.region.governance.commons.security.Roles.REGISTRAR;
import static se.region.governance.commons.security.Roles.REPORTER;

/**
 * Lifecycle steps as sub-resources. Each accepts an optional If-Match; an illegal step is 409
 * naming the current status and the allowed ones. Replacement: adopting a document with a
 * {@code REPLACES} relation marks the replaced document REPLACED, linked to its successor.
 * Who may: as {@link DocumentResource} says (writes: registrar or admin, on every document).
 */
@Path("/api/v1/documents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Document lifecycle", description = "Consultation (remiss), adoption, review, repeal, replacement")
public class LifecycleResource {

    @Inject
    LifecycleService lifecycle;

    @GET
    @Path("consultations")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    public List<ConsultationView> consultations(@PathParam("id") UUID id) {
        return lifecycle.consultationsOf(id);
    }

    @GET
    @Path("consultations/{cid}")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    public ConsultationView consultation(@PathParam("id") UUID id, @PathParam("cid") UUID cid) {
        return lifecycle.consultationsOf(id).stream().filter(c -> c.id().equals(cid)).findFirst()
                .orElseThrow(() -> DomainException.notFound("Consultation", cid));
    }

    @POST
    @Path("consultations")
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Open a consultation round (remiss): recipients, deadline; status IN_CONSULTATION")
    public Response openConsultation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull Requests.ConsultationJson body, @Context UriInfo uri) {
        LifecycleService.ConsultationOpened r = lifecycle.openConsultation(id, ifMatch,
                new Commands.OpenConsultation(body.recipients(), body.deadline(), body.description()));
        return Response.created(uri.getAbsolutePathBuilder().path(r.consultation().id().toString()).build())
                .tag(EntityTags.of(r.document().version())).entity(r.consultation()).build();
    }

    @POST
    @Path("consultations/{cid}/responses")
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Record a consultation response (remissvar)")
    public Response recordResponse(@PathParam("id") UUID id, @PathParam("cid") UUID cid,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull Requests.ResponseJson body, @Context UriInfo uri) {
        LifecycleService.ResponseRecorded r = lifecycle.recordResponse(id, cid, ifMatch,
                new Commands.RecordResponse(body.respondent(), body.receivedOn(), body.position(), body.summary()));
        return Response.created(uri.getAbsolutePathBuilder().path(r.response().id().toString()).build())
                .tag(EntityTags.of(r.document().version())).entity(r.response()).build();
    }

    @POST
    @Path("adoptions")
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Adopt: creates the next immutable version and sets ADOPTED",
            description = "reviewDue defaults by the mandate-period rule for regionfullmäktige and regionstyrelsen.")
    public Response adopt(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull Requests.AdoptionJson body, @Context UriInfo uri) {
        LifecycleService.Adopted r = lifecycle.adopt(id, ifMatch, new Commands.Adopt(body.decision().toData(),
                body.fileUrl(), body.validFrom(), body.reviewDue()));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/documents").path(id.toString())
                        .path("versions").path(Integer.toString(r.version().number())).build())
                .tag(EntityTags.of(r.document().version())).entity(r.version()).build();
    }

    @POST
    @Path("reviews")
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Start a review (översyn): UNDER_REVIEW",
            description = "Optional body {reason, startedOn}: startedOn is the day the review was decided or began"
                    + " (defaults to today in the region's time zone, Europe/Stockholm by default; not in the future, nor before the decision of the version in force);"
                    + " the audit trail and the review-started"
                    + " event carry it.")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid Requests.ReviewJson body) {
        DocumentView d = lifecycle.startReview(id, ifMatch,
                body == null ? new Commands.StartReview(null, null) : body.toCommand());
        return Response.ok(d).tag(EntityTags.of(d.version())).build();
    }

    @POST
    @Path("repeal")
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Repeal (upphäva): REPEALED; nothing is deleted")
    public Response repeal(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid Requests.RepealJson body) {
        DocumentView d = lifecycle.repeal(id, ifMatch, body == null ? new Commands.Repeal(null, null)
                : new Commands.Repeal(body.decision() == null ? null : body.decision().toData(), body.reason()));
        return Response.ok(d).tag(EntityTags.of(d.version())).build();
    }
}
