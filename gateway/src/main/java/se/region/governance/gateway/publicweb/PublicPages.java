package se.region.governance.gateway.publicweb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.region.governance.gateway.publicweb.PublicReader.Answer;
import se.region.governance.gateway.publicweb.PublicViews.Page;
import se.region.governance.gateway.publicweb.PublicViews.PublicDocument;
import se.region.governance.gateway.publicweb.PublicViews.PublicPlan;
import se.region.governance.gateway.publicweb.PublicViews.ReportSummary;
import se.region.governance.gateway.upstream.Upstream;
import se.region.governance.gateway.upstream.Upstreams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public pages (ADR 10): Swedish, server-rendered, no JavaScript, each read from the owning service's public
 * endpoints. A service's 404 is a 404 page, its 400 a 400 page with its detail, anything else that fails a 503
 * page. PublicAccess stands in front (methods, rate limit).
 */
public class PublicPages {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String JSON = "application/json";

    @Inject
    PublicReader reader;

    @Inject
    PageResponses responses;

    @Inject
    Upstreams upstreams;

    private ObjectMapper json;
    private Buffer stylesheet;

    @Inject
    void json(ObjectMapper mapper) {
        json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    void install(@Observes Router router) {
        stylesheet = resource("publicweb/style.css");
        // Vert.x matches "/public" and "/public/" alike: the start page is the one with the slash
        page(router, "/public", ctx -> {
            if (ctx.request().path().endsWith("/")) {
                responses.page(ctx, PublicTemplates.start());
            } else {
                ctx.response().setStatusCode(301).putHeader("Location", "/public/").end();
            }
        });
        page(router, "/public/style.css", ctx -> responses.send(ctx, 200, "text/css; charset=UTF-8", stylesheet));
        page(router, "/public/documents", this::documents);
        page(router, "/public/documents/:id", this::document);
        page(router, "/public/plans", this::plans);
        page(router, "/public/plans/:id", this::plan);
        page(router, "/public/reports", this::reports);
        page(router, "/public/reports/:id", this::report);
        router.route("/public/*").handler(responses::notFound);
    }

    private void page(Router router, String path, io.vertx.core.Handler<RoutingContext> handler) {
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
            try {
                handler.handle(ctx);
            } catch (RuntimeException e) {
                Log.errorf(e, "Public page %s failed", ctx.normalizedPath());
                responses.error(ctx, 500, "Något gick fel", "Sidan kunde inte visas. Försök igen senare.");
            }
        });
    }

    void documents(RoutingContext ctx) {
        DocumentSearch search;
        try {
            search = DocumentSearch.of(ctx.queryParams());
        } catch (DocumentSearch.BadField bad) {
            responses.error(ctx, 400, "Sökningen kunde inte göras", bad.getMessage());
            return;
        }
        read(ctx, upstreams.documents(), "/api/v1/public/documents?" + search.apiQuery(),
                new TypeReference<Page<PublicDocument>>() { },
                results -> responses.page(ctx, PublicTemplates.documents(search, results)));
    }

    void document(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            responses.notFound(ctx);
            return;
        }
        read(ctx, upstreams.documents(), "/api/v1/public/documents/" + id, new TypeReference<PublicDocument>() { },
                document -> responses.page(ctx, PublicTemplates.document(document)));
    }

    void plans(RoutingContext ctx) {
        int page = pageParam(ctx);
        if (page < 0) {
            return;
        }
        read(ctx, upstreams.plans(), "/api/v1/public/plans?page=" + page + "&size=20",
                new TypeReference<Page<PublicPlan>>() { }, plans -> responses.page(ctx, PublicTemplates.plans(plans)));
    }

    void plan(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            responses.notFound(ctx);
            return;
        }
        read(ctx, upstreams.plans(), "/api/v1/public/plans/" + id, new TypeReference<PublicPlan>() { }, plan ->
                // the plan shows without its reports when the reporting service cannot be asked
                reader.get(upstreams.reports(), "/api/v1/public/reports?planId=" + id + "&size=100", JSON)
                        .map(answer -> answer.status() == 200 ? parse(answer, new TypeReference<Page<ReportSummary>>() { }).items() : null)
                        .otherwise(failure -> {
                            Log.warnf("Reports of plan %s not shown: %s", id, failure.toString());
                            return null;
                        })
                        .onSuccess(reports -> responses.page(ctx, PublicTemplates.plan(plan, StatusChart.of(plan.measuresByStatus()), reports))));
    }

    void reports(RoutingContext ctx) {
        int page = pageParam(ctx);
        if (page < 0) {
            return;
        }
        read(ctx, upstreams.reports(), "/api/v1/public/reports?page=" + page + "&size=20",
                new TypeReference<Page<ReportSummary>>() { }, reports -> responses.page(ctx, PublicTemplates.reports(reports)));
    }

    void report(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        boolean pdf = id.endsWith(".pdf");
        id = pdf ? id.substring(0, id.length() - 4) : id;
        if (!ID.matcher(id).matches()) {
            responses.notFound(ctx);
            return;
        }
        if (pdf) {
            pdf(ctx, id);
            return;
        }
        String reportId = id;
        read(ctx, upstreams.reports(), "/api/v1/public/reports/" + id, new TypeReference<ReportSummary>() { }, report ->
                reader.get(upstreams.reports(), "/api/v1/public/reports/" + reportId + "/fragment", "text/html")
                        .onFailure(failure -> responses.unavailable(ctx, failure))
                        .onSuccess(fragment -> {
                            if (fragment.status() != 200) {
                                failed(ctx, fragment);
                                return;
                            }
                            responses.page(ctx, PublicTemplates.report(report, fragment.body().toString()));
                        }));
    }

    /** The service's PDF streamed through as it comes, with its own headers. */
    void pdf(RoutingContext ctx, String id) {
        reader.open(upstreams.reports(), "/api/v1/public/reports/" + id, "application/pdf", ctx.request().getHeader("If-None-Match"))
                .onFailure(failure -> responses.unavailable(ctx, failure))
                .onSuccess(upstream -> {
                    if (upstream.statusCode() != 200 && upstream.statusCode() != 304) {
                        upstream.body().onComplete(body -> failed(ctx, new Answer(upstream.statusCode(),
                                upstream.getHeader("Content-Type"), body.succeeded() ? body.result() : Buffer.buffer())));
                        return;
                    }
                    var response = ctx.response().setStatusCode(upstream.statusCode())
                            .putHeader("Cache-Control", "public, no-cache");
                    for (String header : List.of("Content-Type", "Content-Length", "Content-Disposition", "ETag")) {
                        String value = upstream.getHeader(header);
                        if (value != null) {
                            response.putHeader(header, value);
                        }
                    }
                    if (upstream.statusCode() == 304) {
                        response.headers().remove("Content-Length");
                        upstream.end();
                        response.end();
                        return;
                    }
                    upstream.pipeTo(response).onFailure(failure -> Log.warnf("PDF %s not sent whole: %s", id, failure.toString()));
                });
    }

    /** Reads one JSON answer of a service and hands it on parsed; a failure answers the page. */
    private <T> void read(RoutingContext ctx, Upstream upstream, String uri, TypeReference<T> type,
                          java.util.function.Consumer<T> then) {
        reader.get(upstream, uri, JSON)
                .onFailure(failure -> responses.unavailable(ctx, failure))
                .onSuccess(answer -> {
                    if (answer.status() != 200) {
                        failed(ctx, answer);
                        return;
                    }
                    T value;
                    try {
                        value = parse(answer, type);
                    } catch (RuntimeException e) {
                        responses.unavailable(ctx, e);
                        return;
                    }
                    try {
                        then.accept(value);
                    } catch (RuntimeException e) {
                        Log.errorf(e, "Public page %s failed", ctx.normalizedPath());
                        responses.error(ctx, 500, "Något gick fel", "Sidan kunde inte visas. Försök igen senare.");
                    }
                });
    }

    /** A service's answer other than 200: its 404 a 404 page, its 400 a 400 page saying what it said. */
    private void failed(RoutingContext ctx, Answer answer) {
        switch (answer.status()) {
            case 404, 406 -> responses.notFound(ctx);
            case 400 -> responses.error(ctx, 400, "Sökningen kunde inte göras", detail(answer));
            default -> responses.unavailable(ctx, new IllegalStateException("status " + answer.status()));
        }
    }

    private String detail(Answer answer) {
        try {
            JsonNode problem = json.readTree(answer.body().getBytes());
            return problem.path("detail").asText("Ett värde i sökningen är inte giltigt.");
        } catch (IOException | RuntimeException e) {
            return "Ett värde i sökningen är inte giltigt.";
        }
    }

    private <T> T parse(Answer answer, TypeReference<T> type) {
        try {
            return json.readValue(answer.body().getBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected answer: " + e.getMessage(), e);
        }
    }

    /** The query's page number, or -1 when a 400 page was answered. */
    private int pageParam(RoutingContext ctx) {
        String text = ctx.queryParams().get("page");
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(text.trim());
            if (page >= 0 && page <= 10_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        responses.error(ctx, 400, "Sidan kunde inte visas", "Sidnumret (page) måste vara ett heltal från 0.");
        return -1;
    }

    private static Buffer resource(String name) {
        try (InputStream in = PublicPages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
