package se.region.governance.gateway.publicweb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The three services' public endpoints as the contract shapes them (docs/api.md, "Public (no token)"), answered
 * by one small server: a document with hostile text, the § 183 plan with four measures, its final report (JSON,
 * fragment, PDF). {@link #DOWN} drops the connection (a service that fails mid-request), {@link #BROKEN} answers
 * 500; anything else unknown is the services' 404 problem. The requests received are kept for the tests.
 */
public class FakePublicServices implements QuarkusTestResourceLifecycleManager {

    static final String DOC = "11111111-1111-4111-8111-111111111111";
    static final String PLAN = "22222222-2222-4222-8222-222222222222";
    static final String REPORT = "33333333-3333-4333-8333-333333333333";
    static final String DOWN = "44444444-4444-4444-8444-444444444444";
    static final String BROKEN = "55555555-5555-4555-8555-555555555555";
    static final String UNKNOWN = "66666666-6666-4666-8666-666666666666";
    static final String HOSTILE = "<script>alert('x')</script> & \\\"citat\\\"";

    /** What the services received: "METHOD uri authorization-or-none". */
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    static final byte[] PDF = pdf();

    private Vertx vertx;

    static final String DOCUMENT = """
            {"id":"%s","diaryNumber":"RS342/2022","title":"Policy för tillitsbaserad styrning %s","type":"POLICY",
             "political":true,"status":"ADOPTED","ownerUnit":"Regionledningsförvaltningen","summary":"Regionens syn på tillit.",
             "decision":{"body":"REGIONFULLMAKTIGE","committee":null,"date":"2023-06-21","paragraph":"§ 72"},
             "principles":[{"principle":"TRUST","passage":"Tillit genom hela styrkedjan"},{"principle":"OPENNESS","passage":null}],
             "reviewDue":"2027-06-30","fileUrl":"https://diariet.example/policy.pdf","relations":[],"currentVersion":2,
             "successorId":null,"createdAt":"2023-01-10T08:00:00Z","updatedAt":"2023-06-22T08:00:00Z","version":5,
             "versions":[{"number":1,"decision":{"body":"REGIONSTYRELSEN","date":"2019-03-01","paragraph":"§ 12"},
                          "validFrom":"2019-03-01","reviewDue":"2023-03-01","fileUrl":"javascript:alert(1)","adoptedAt":"2019-03-02T08:00:00Z"},
                         {"number":2,"decision":{"body":"REGIONFULLMAKTIGE","date":"2023-06-21","paragraph":"§ 72"},
                          "validFrom":"2023-07-01","reviewDue":"2027-06-30","fileUrl":"https://diariet.example/policy.pdf","adoptedAt":"2023-06-22T08:00:00Z"}]}
            """.formatted(DOC, HOSTILE);

    static final String PLAN_JSON = """
            {"id":"%s","title":"Handlingsplan för tillitsbaserad styrning och ledning","description":"Beslut om åtgärder.",
             "ownerUnit":"HR-avdelningen","decision":{"body":"REGIONSTYRELSEN","date":"2022-08-17","paragraph":"§ 183","diaryNumber":"1326-2021"},
             "periodFrom":"2022-08-17","periodTo":"2024-12-31","status":"ACTIVE","overallProgress":37.5,"updatedAt":"2023-08-31T10:00:00Z",
             "measuresByStatus":{"PLANNED":1,"IN_PROGRESS":2,"BLOCKED":0,"DONE":1,"CANCELLED":0},"lastChangeAt":"2023-08-31T10:00:00Z",
             "collaborations":[{"date":"2022-08-17","parties":["Arbetsgivaren","Vision"],"form":"SAMVERKANSGRUPP","outcome":"Planen togs fram i samverkan."}],
             "measures":[
              {"id":"a1","code":"1","title":"Plan för att konkretisera tillitsbaserad styrning","description":null,"parentId":null,
               "responsibleUnit":"HR-avdelningen","status":"IN_PROGRESS","progress":50,"weight":1,"startDate":"2022-09-01","dueDate":"2024-06-30",
               "overdue":false,"principles":["TRUST","DISCRETION"],
               "latestUpdate":{"date":"2023-08-31","status":"IN_PROGRESS","progress":50,"text":"Ledarskapskursen Utvecklande ledarskap pågår.","obstacles":null,"nextSteps":"Fler kurstillfällen.","example":true},
               "collaborations":[{"date":"2023-03-01","parties":["Kommunal","Vårdförbundet"],"form":"DIALOGUE","outcome":"Synpunkter på planen."}]},
              {"id":"a2","code":"2","title":"Översyn av styrdokument","description":null,"parentId":null,"responsibleUnit":"Regionledningsförvaltningen",
               "status":"DONE","progress":100,"weight":1,"startDate":"2022-09-01","dueDate":"2023-06-30","overdue":false,"principles":[],
               "latestUpdate":null,"collaborations":[]},
              {"id":"a3","code":"3","title":"Utbildning för chefer","description":null,"parentId":null,"responsibleUnit":"HR-avdelningen",
               "status":"IN_PROGRESS","progress":0,"weight":1,"startDate":null,"dueDate":"2023-01-31","overdue":true,"principles":["KNOWLEDGE"],
               "latestUpdate":null,"collaborations":[]},
              {"id":"a4","code":"4","title":"Uppföljning av medarbetarenkäten","description":null,"parentId":null,"responsibleUnit":"HR-avdelningen",
               "status":"PLANNED","progress":0,"weight":1,"startDate":null,"dueDate":null,"overdue":false,"principles":[],
               "latestUpdate":null,"collaborations":[]}]}
            """.formatted(PLAN);

    static final String REPORT_JSON = """
            {"id":"%s","planId":"%s","title":"Uppföljning av handlingsplan för tillitsbaserad styrning, augusti 2023",
             "periodFrom":"2023-01-01","periodTo":"2023-08-31","asOf":"2023-08-31","finalizedAt":"2023-09-05T09:00:00Z"}
            """.formatted(REPORT, PLAN);

    static final String FRAGMENT = "<section><h2>Bakgrund</h2><p>Tillitsbaserad styrning &amp; ledning.</p></section>";

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            RECEIVED.add(request.method().name() + " " + request.uri() + " "
                    + (request.getHeader("Authorization") == null ? "none" : request.getHeader("Authorization")));
            String path = request.path();
            HttpServerResponse response = request.response();
            if (path.contains(DOWN)) {
                request.connection().close();
                return;
            }
            if (path.contains(BROKEN)) {
                response.setStatusCode(500).end("{}");
                return;
            }
            switch (path) {
                case "/api/v1/public/documents" -> {
                    if ("DRAFT".equals(request.getParam("status"))) {
                        problem(response, 400, "status: a draft is not public");
                        return;
                    }
                    int page = Integer.parseInt(request.getParam("page", "0"));
                    json(response, "{\"items\":[" + DOCUMENT + "],\"page\":" + page + ",\"size\":20,\"total\":45}");
                }
                case "/api/v1/public/documents/" + DOC -> json(response, DOCUMENT);
                case "/api/v1/public/plans" -> json(response, "{\"items\":[" + PLAN_JSON + "],\"page\":0,\"size\":20,\"total\":1}");
                case "/api/v1/public/plans/" + PLAN -> json(response, PLAN_JSON);
                case "/api/v1/public/reports" -> json(response, "{\"items\":[" + REPORT_JSON + "],\"page\":0,\"size\":20,\"total\":1}");
                case "/api/v1/public/reports/" + REPORT -> {
                    String accept = request.getHeader("Accept");
                    if (accept != null && accept.contains("application/pdf")) {
                        response.putHeader("Content-Type", "application/pdf")
                                .putHeader("Content-Disposition", "inline; filename=\"rapport.pdf\"")
                                .putHeader("ETag", "\"pdf-1\"");
                        if ("\"pdf-1\"".equals(request.getHeader("If-None-Match"))) {
                            response.setStatusCode(304).end();
                            return;
                        }
                        response.end(Buffer.buffer(PDF));
                        return;
                    }
                    json(response, REPORT_JSON);
                }
                case "/api/v1/public/reports/" + REPORT + "/fragment" ->
                        response.putHeader("Content-Type", "text/html; charset=UTF-8").end(FRAGMENT);
                default -> problem(response, 404, "No such resource");
            }
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "gateway.routes.documents", url,
                "gateway.routes.plans", url,
                "gateway.routes.reports", url,
                "gateway.upstream-timeout", "PT2S",
                "gateway.rate-limit.public.per-second", "1",
                "gateway.rate-limit.public.burst", "20",
                // the tests' own address is the trusted proxy: each test is a client address of its own
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }

    private static void json(HttpServerResponse response, String body) {
        response.putHeader("Content-Type", "application/json").putHeader("ETag", "W/\"1\"")
                .putHeader("Cache-Control", "public, no-cache").end(body);
    }

    private static void problem(HttpServerResponse response, int status, String detail) {
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"https://governance.region.se/problems/" + (status == 404 ? "not-found" : "validation")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private static byte[] pdf() {
        byte[] bytes = new byte[200_000];
        byte[] head = "%PDF-1.7\n".getBytes();
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
