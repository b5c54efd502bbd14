package se.region.governance.reports.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.http.QueryParameters;
import se.region.governance.reports.application.PublicReportService;
import se.region.governance.reports.domain.PublicReportSummary;
import se.region.governance.reports.rendering.Formats;
import se.region.governance.reports.rendering.PublicRenditions.Rendition;

import java.util.List;
import java.util.UUID;

/**
 * The FINAL reports, read without a token (ADR 10; docs/api.md "Public (no token)"): every format rendered from the frozen
 * sections without any person's name, and the HTML body as a fragment for the gateway's public page. GET only; the only
 * resource of this service open to anyone. A DRAFT is a 404 like an unknown id. Answers may be kept by any cache but
 * revalidated (ETag, 304).
 */
@Path("/api/v1/public/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public", description = "Read-only, without a token: what anyone may read, with no person's name")
@PermitAll
public class PublicReportResource {

    static final String CACHE_CONTROL = "public, no-cache";

    @Inject
    PublicReportService reports;

    @GET
    @Operation(summary = "FINAL reports, the last finalized first, optionally of one plan",
            description = "Items {id, planId, title, periodFrom, periodTo, asOf, finalizedAt}; never a DRAFT.")
    public Response list(@QueryParam("planId") String planId,
                         @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                                 maximum = "1000000", defaultValue = "0")) String page,
                         @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                 maximum = "100", defaultValue = "20")) String size,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uri) {
        PublicReportService.Listed listed = reports.list(planId,
                QueryParameters.wholeNumber(uri, "page", page, 0, 0, ReportResource.MAX_PAGE),
                QueryParameters.wholeNumber(uri, "size", size, 20, 1, 100));
        EntityTag tag = new EntityTag(listed.tag(), true);
        if (EntityTags.noneMatchHits(ifNoneMatch, listed.tag())) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        PageResponse<PublicReportSummary> body = listed.page();
        return Response.ok(body).tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Formats.MARKDOWN + ";charset=UTF-8", MediaType.TEXT_HTML + ";charset=UTF-8",
            Formats.PDF})
    @Operation(summary = "A FINAL report as JSON, Markdown, HTML or PDF (by Accept), without any person's name",
            description = "JSON without compiledBy and contentHash; no update's author. A DRAFT or unknown id: 404.")
    public Response get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        String format = ReportResource.chooseFormat(headers);
        Rendition r = reports.render(id, format);
        String type = format.startsWith("text/") ? format + ";charset=UTF-8" : format;
        Response.ResponseBuilder b = answer(r, type, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (Formats.PDF.equals(format)) {
            b.header("Content-Disposition", "inline; filename=\"rapport-" + id + ".pdf\"");
        }
        return b.build();
    }

    @GET
    @Path("{id}/fragment")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "A FINAL report's HTML body (preface, sections with charts, conclusion) for another page to embed",
            description = "No html, head, body, style or h1 element: headings start at h2; all text escaped.")
    public Response fragment(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(reports.render(id, Formats.HTML_FRAGMENT), MediaType.TEXT_HTML + ";charset=UTF-8", ifNoneMatch).build();
    }

    private static Response.ResponseBuilder answer(Rendition r, String type, String ifNoneMatch) {
        EntityTag tag = new EntityTag(r.tag());
        Response.ResponseBuilder b = EntityTags.noneMatchHits(ifNoneMatch, r.tag()) ? Response.notModified(tag)
                : Response.ok(r.bytes(), type).tag(tag);
        return b.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }
}
