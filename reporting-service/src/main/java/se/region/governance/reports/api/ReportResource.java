package se.region.governance.reports.api;

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
import jakarta.ws.rs.NotAcceptableException;
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
import se.region.governance.commons.security.Caller;
import se.region.governance.reports.application.ConsumerStatus;
import se.region.governance.reports.rendering.Formats;
import se.region.governance.reports.application.ReportService;
import se.region.governance.reports.domain.ReportView;
import se.region.governance.reports.domain.ReportSummary;

import java.util.Map;
import java.util.UUID;

import static se.region.governance.commons.security.Roles.ADMIN;
import static se.region.governance.commons.security.Roles.PLANNER;
import static se.region.governance.commons.security.Roles.READER;
import static se.region.governance.commons.security.Roles.REGISTRAR;
import static se.region.governance.commons.security.Roles.REPORTER;

/**
 * Follow-up reports: compile, read in four formats, recompile, edit the free text, finalize.
 * <p>
 * Who may do what. Reads: every business role but {@code integration} (its contract is the plans' status and change
 * feeds only); the consumers' state is the operator's ({@code admin}). Writes: {@code reporter} and {@code admin}.
 * Object-level rule of every write (compile, recompile, edit, finalize): a reporter compiles, edits and finalizes
 * reports of any plan and any report compiled by anyone; the contract gives reports no unit, since a follow-up report
 * reads across the units of a plan. What protects a report is its state instead: only a DRAFT changes (a FINAL one is
 * frozen, 409), an edit names the version it read (If-Match, 428/412), and the report records who compiled and who
 * finalized it.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Follow-up reports compiled from the change events, as of a date")
public class ReportResource {

    /** Pages beyond this are refused: the first row's index (page × size) must fit an int. */
    static final int MAX_PAGE = 1_000_000;

    @Inject
    ReportService reports;
    @Inject
    ConsumerStatus consumers;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({REPORTER, ADMIN})
    @Operation(summary = "Compile a DRAFT report of a plan for a period, showing the state as of a date")
    public Response compile(@Valid @NotNull Requests.CompileJson body, @Context UriInfo uri) {
        ReportView r = reports.compile(body.toCommand(caller.name()));
        return answer(Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build()), r);
    }

    @GET
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    @Operation(summary = "List reports, newest first, optionally of one plan",
            description = "Each item is the report without its sections; GET /api/v1/reports/{id} gives the whole report.")
    public PageResponse<ReportSummary> list(@QueryParam("planId") String planId,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return reports.list(planId, page, size);
    }

    @GET
    @Path("consumers")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Per consumed topic: the last event applied, the consumer group's lag on the broker, counters")
    public Map<String, Object> consumers() {
        return consumers.status();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Formats.MARKDOWN + ";charset=UTF-8", MediaType.TEXT_HTML + ";charset=UTF-8",
            Formats.PDF})
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    @Operation(summary = "The report as JSON, Markdown, HTML or PDF (by Accept); a FINAL report's frozen bytes")
    public Response get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        String format = chooseFormat(headers);
        ReportService.Rendered r = reports.render(id, format);
        String type = format.startsWith("text/") ? format + ";charset=UTF-8" : format;
        Response.ResponseBuilder b = Response.ok(r.bytes(), type).tag(EntityTags.of(r.report().version()))
                .header("Vary", "Accept");
        if (Formats.PDF.equals(format)) {
            b.header("Content-Disposition", "inline; filename=\"rapport-" + id + ".pdf\"");
        }
        return b.build();
    }

    @POST
    @Path("{id}/recompile")
    @RolesAllowed({REPORTER, ADMIN})
    @Operation(summary = "Refresh a DRAFT's data (same period and as-of date); the free text is kept. Optional If-Match")
    public Response recompile(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ReportView r = reports.recompile(id, ifMatch);
        return answer(Response.ok(), r);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({REPORTER, ADMIN})
    @Operation(summary = "Edit a DRAFT's free text (preface, conclusion); If-Match required")
    public Response edit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull Requests.TextJson body) {
        ReportView r = reports.editText(id, ifMatch, body.preface(), body.conclusion());
        return Response.ok(r).tag(EntityTags.of(r.version())).build();
    }

    @POST
    @Path("{id}/finalize")
    @RolesAllowed({REPORTER, ADMIN})
    @Operation(summary = "Freeze the report: FINAL, every format's bytes stored, SHA-256 content hash; optional If-Match")
    public Response finalizeReport(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ReportView r = reports.finalizeReport(id, ifMatch);
        return Response.ok(r).tag(EntityTags.of(r.version())).build();
    }

    private static Response answer(Response.ResponseBuilder b, ReportView r) {
        return b.tag(EntityTags.of(r.version())).type(MediaType.APPLICATION_JSON_TYPE).entity(r).build();
    }

    /** The first format the client accepts, in its order of preference; JSON for a wildcard. */
    static String chooseFormat(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return Formats.JSON;
            }
            for (String f : Formats.ALL) {
                if (accepted.isCompatible(MediaType.valueOf(f))) {
                    return f;
                }
            }
        }
        throw new NotAcceptableException();
    }
}
