package se.region.governance.docs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.security.Roles;
import se.region.governance.docs.application.DocumentService;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @Inject
    DocumentService service;

    public record CreateDocument(
            @NotBlank @Pattern(regexp = "[\\p{L}\\d/-]{3,40}", message = "must be 3-40 letters, digits, '/' or '-'") String diaryNumber,
            @NotBlank @Size(max = 300) String title,
            @NotNull DocumentType type) {
    }

    public record DocumentView(UUID id, String diaryNumber, String title, DocumentType type, DocumentStatus status,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static DocumentView of(Document d) {
            return new DocumentView(d.id, d.diaryNumber, d.title, d.type, d.status, d.createdAt, d.updatedAt);
        }
    }

    @POST
    @RolesAllowed({Roles.REGISTRAR, Roles.ADMIN})
    public Response create(@Valid @NotNull CreateDocument body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Document d = service.create(body.diaryNumber().trim(), body.title().trim(), body.type());
        return Response.created(uri.getAbsolutePathBuilder().path(d.id.toString()).build())
                .tag(EntityTags.of(d.version)).entity(DocumentView.of(d)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.READER, Roles.REGISTRAR, Roles.PLANNER, Roles.REPORTER, Roles.INTEGRATION, Roles.ADMIN})
    public Response get(@PathParam("id") UUID id) {
        Document d = service.get(id);
        return Response.ok(DocumentView.of(d)).tag(EntityTags.of(d.version)).build();
    }
}
