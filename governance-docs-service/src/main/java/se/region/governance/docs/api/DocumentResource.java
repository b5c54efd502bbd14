package se.region.governance.docs.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.http.QueryParameters;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;
import se.region.governance.docs.application.DocumentJson;
import se.region.governance.docs.application.DocumentQuery;
import se.region.governance.docs.application.DocumentReads;
import se.region.governance.docs.application.DocumentService;
import se.region.governance.docs.application.DocumentView;
import se.region.governance.docs.application.LifecycleService;
import se.region.governance.docs.application.LifecycleViews.AuditView;
import se.region.governance.docs.application.LifecycleViews.VersionView;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static se.region.governance.commons.security.Roles.ADMIN;
import static se.region.governance.commons.security.Roles.PLANNER;
import static se.region.governance.commons.security.Roles.READER;
import static se.region.governance.commons.security.Roles.REGISTRAR;
import static se.region.governance.commons.security.Roles.REPORTER;

/**
 * The register: create, read, edit, list and search governing documents.
 * <p>
 * Who may: every business role but {@code integration} reads (reader, registrar, planner, reporter,
 * admin). Writes (here and in {@link LifecycleResource}) are {@code registrar}'s or {@code admin}'s,
 * on every document whatever its {@code ownerUnit}: the registry keeps the register for every unit
 * (design.md, "Security", gives registrars no unit rule), so the object-level rule of a document
 * write is the role alone.
 */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "The register of governing documents (styrdokument)")
public class DocumentResource {

    public static final String CSV = "text/csv";

    @Inject
    DocumentService service;
    @Inject
    LifecycleService lifecycle;
    @Inject
    DocumentCsv csv;
    @Inject
    DocumentReads reads;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV + ";charset=UTF-8"})
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    @Operation(summary = "List and search documents; with Accept: text/csv, export every matching row as CSV",
            description = "q: Swedish full text over title, summary and principle passages (ranked); sort: FIELD[,asc|desc]."
                    + " The CSV export is streamed; a cell beginning with =, +, -, @, TAB or CR (or with quotes before"
                    + " one of these) gets a leading ' so that spreadsheets do not run it as a formula; the import"
                    + " takes that ' away again.")
    public Response list(@QueryParam("q") String q,
                         @QueryParam("type") @Parameter(schema = @Schema(implementation = DocumentType.class)) String type,
                         @QueryParam("status") @Parameter(schema = @Schema(implementation = DocumentStatus.class))
                         String status,
                         @QueryParam("principle") @Parameter(schema = @Schema(implementation = Principle.class))
                         String principle,
                         @QueryParam("ownerUnit") String ownerUnit,
                         @QueryParam("diaryNumber") String diaryNumber,
                         @QueryParam("reviewDueBefore") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
                         String reviewDueBefore,
                         @QueryParam("sort") String sort,
                         @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                                 defaultValue = "0")) String page,
                         @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                 maximum = "200", defaultValue = "20")) String size,
                         @Context HttpHeaders headers, @Context UriInfo uri) {
        DocumentQuery query = Params.documentQuery(uri, q, type, status, principle, ownerUnit, diaryNumber,
                reviewDueBefore, sort, page, size, 200);
        if (!wantsCsv(headers)) {
            return Response.ok(service.list(query), MediaType.APPLICATION_JSON_TYPE).build();
        }
        // rows are read from the database page by page while they are written
        StreamingOutput body = out -> csv.write(query, out);
        return Response.ok(body, CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"styrdokument.csv\"").build();
    }

    /** JSON unless the client prefers CSV (Accept in q order; JSON wins a tie such as * / *). */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("import")
    @Consumes(CSV)
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Import documents from CSV (the export's columns): every row is stored, or none",
            description = "Answers 201 with the created documents, or 400 problem+json listing every row's errors.")
    public Response importCsv(String body) {
        List<DocumentView> created = service.importAll(csv.read(body));
        return Response.status(Response.Status.CREATED)
                .entity(new PageResponse<>(created, 0, created.size(), created.size())).build();
    }

    @POST
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Register a document (status DRAFT)")
    public Response create(@Valid @NotNull Requests.DocumentJson body, @Context UriInfo uri) {
        DocumentView d = service.create(body.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(d.id().toString()).build())
                .tag(EntityTags.of(d.version())).entity(d).build();
    }

    @GET
    @Path("due-for-review")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    @Operation(summary = "Documents in force whose review is overdue or due within the period (ISO-8601, e.g. P90D)")
    public PageResponse<DocumentView> dueForReview(
            @QueryParam("within") @Parameter(schema = @Schema(type = SchemaType.STRING, defaultValue = "P90D")) String within,
            @Context UriInfo uri) {
        within = QueryParameters.sent(uri, "within", within);
        String expected = "must be an ISO-8601 period such as P90D or P6M, not negative, reaching no further than "
                + LifecycleService.LAST_REVIEW_DATE;
        Period period;
        try {
            period = within == null ? Period.ofDays(90) : Period.parse(within);
        } catch (DateTimeParseException | ArithmeticException e) { // weeks times 7 may overflow in Period.parse
            throw invalidPeriod(expected);
        }
        if (period.isNegative()) {
            throw invalidPeriod(expected);
        }
        List<DocumentView> due = lifecycle.dueForReview(lifecycle.reviewLimit(period)
                .orElseThrow(() -> invalidPeriod(expected)));
        return new PageResponse<>(due, 0, due.size(), due.size());
    }

    private static DomainException invalidPeriod(String message) {
        return new DomainException(DomainException.Kind.INVALID, "invalid-period", "Invalid period",
                "Invalid value of within: " + message, Map.of("errors", List.of(new Problem.FieldError("within", message))));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    @NonBlocking // a kept document is answered on the I/O thread; a load goes to a worker thread
    public Uni<Response> get(@PathParam("id") UUID id) {
        DocumentJson kept = reads.kept(id);
        if (kept != null) {
            return Uni.createFrom().item(document(kept));
        }
        return Uni.createFrom().item(() -> document(reads.get(id))).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response document(DocumentJson d) {
        return Response.ok(d.body(), MediaType.APPLICATION_JSON_TYPE).tag(EntityTags.of(d.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Replace the document's editable fields (If-Match required)",
            description = "Once the document has been adopted, decision must be sent as it is (409 decision-set-by-adoption"
                    + " otherwise): only a new adoption changes it.")
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull Requests.DocumentJson body) {
        DocumentView d = service.replace(id, ifMatch, body.toData());
        return Response.ok(d).tag(EntityTags.of(d.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({REGISTRAR, ADMIN})
    @Operation(summary = "Change some fields (absent or null fields are kept; If-Match required)",
            description = "Once the document has been adopted, a decision sent must be the one it has (409"
                    + " decision-set-by-adoption otherwise): only a new adoption changes it.")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull Requests.DocumentPatchJson body) {
        DocumentView d = service.patch(id, ifMatch, body.toData());
        return Response.ok(d).tag(EntityTags.of(d.version())).build();
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    public List<VersionView> versions(@PathParam("id") UUID id) {
        return service.versions(id);
    }

    @GET
    @Path("{id}/versions/{number}")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    public VersionView version(@PathParam("id") UUID id, @PathParam("number") int number) {
        return service.versions(id).stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> DomainException.notFound("Version", number + " of document " + id));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({READER, REGISTRAR, PLANNER, REPORTER, ADMIN})
    @Operation(summary = "The audit trail: who changed what, when (oldest first)")
    public PageResponse<AuditView> history(@PathParam("id") UUID id,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000",
                    defaultValue = "100")) String size,
            @Context UriInfo uri) {
        return service.history(id, QueryParameters.wholeNumber(uri, "page", page, 0, 0, Integer.MAX_VALUE / 1000),
                QueryParameters.wholeNumber(uri, "size", size, 100, 1, 1000));
    }
}
