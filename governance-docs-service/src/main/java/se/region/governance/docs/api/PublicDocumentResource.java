package se.region.governance.docs.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.http.QueryParameters;
import se.region.governance.docs.application.DocumentQuery;
import se.region.governance.docs.application.PublicDocumentView;
import se.region.governance.docs.application.PublicDocuments;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * The public register (ADR 10): read-only, without a token, the search and the document of the register minus
 * drafts and person names. The only {@code @PermitAll} resource of the service (EndpointSecurityTest).
 */
@Path("/api/v1/public/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public", description = "Read-only answers without a token: what the region's public pages show")
@PermitAll
public class PublicDocumentResource {

    static final int MAX_SIZE = 100;
    static final String CACHE_CONTROL = "public, no-cache";

    @Inject
    PublicDocuments documents;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Search the public register: every document but drafts, without person names",
            description = "The search of GET /api/v1/documents (q: Swedish full text, ranked; by default title order"
                    + " with Swedish collation). status=DRAFT is a 400: drafts are not public. ETag; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "A page of public documents (without versions)")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response list(@QueryParam("q") String q,
                         @QueryParam("type") @Parameter(schema = @Schema(implementation = DocumentType.class)) String type,
                         @QueryParam("status") @Parameter(schema = @Schema(implementation = DocumentStatus.class),
                                 description = "any status but DRAFT") String status,
                         @QueryParam("principle") @Parameter(schema = @Schema(implementation = Principle.class))
                         String principle,
                         @QueryParam("sort") String sort,
                         @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                                 defaultValue = "0")) String page,
                         @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                 maximum = "100", defaultValue = "20")) String size,
                         @Context UriInfo uri, @Context Request request) {
        DocumentQuery query = Params.documentQuery(uri, q, type, status, principle, null, null, null, sort, page, size,
                MAX_SIZE);
        if (query.status() == DocumentStatus.DRAFT) {
            throw QueryParameters.invalid("status", "must be a public status, one of " + Arrays.stream(DocumentStatus.values())
                    .filter(s -> s != DocumentStatus.DRAFT).toList());
        }
        return cacheable(documents.search(query), request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A public document with its adopted versions (oldest first), without person names",
            description = "A draft is a 404, the same answer as an unknown id. ETag; 304 on If-None-Match.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = PublicDocumentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No public document of this id")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        return cacheable(documents.get(id), request);
    }

    /**
     * The answer as JSON with a strong ETag of its bytes (a list depends on many documents, a document on the
     * status of those it names, so no single version would do), or 304 when If-None-Match names that tag.
     */
    private Response cacheable(Object answer, Request request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("public answer not serialisable", e);
        }
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answered = notModified != null ? notModified : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return answered.tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
