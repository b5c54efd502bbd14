package se.region.governance.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * A working day of the region, compressed: intranet readers, systems polling plan status, planners
 * reporting progress, a registrar moving documents through their lifecycle and a reporter compiling
 * now and then, all through the gateway. bench/load/run.sh prepares the data and the tokens (files in
 * {@code -Dload.data}) and passes the rates; each request name is one request class in the figures.
 */
public class RegionDaySimulation extends Simulation {

    static final String DATA = System.getProperty("load.data", "../results/load");
    static final String GATEWAY = System.getProperty("load.gateway", "http://127.0.0.1:8080");
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 300));
    /** Reader page views per second, the figure the knee search raises. */
    static final double READS_PER_SECOND = Double.parseDouble(System.getProperty("load.reads", "20"));
    static final int POLLERS = Integer.getInteger("load.pollers", 20);
    static final Duration POLL_EVERY = Duration.ofSeconds(Long.getLong("load.poll-seconds", 3));
    static final double UPDATES_PER_SECOND = Double.parseDouble(System.getProperty("load.updates", "2"));
    static final double LIFECYCLES_PER_SECOND = Double.parseDouble(System.getProperty("load.lifecycles", "0.2"));
    static final Duration COMPILE_EVERY = Duration.ofSeconds(Long.getLong("load.compile-seconds", 60));

    HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections();

    // Tokens and ids from run.sh: readers and pollers each have their own subject, as real clients do.
    FeederBuilder<String> readers = csv(DATA + "/readers.csv").circular();
    FeederBuilder<String> pollers = csv(DATA + "/pollers.csv").circular();
    FeederBuilder<String> planners = csv(DATA + "/planners.csv").circular();
    FeederBuilder<String> registrars = csv(DATA + "/registrars.csv").circular();
    FeederBuilder<String> reporters = csv(DATA + "/reporters.csv").circular();
    FeederBuilder<String> documents = csv(DATA + "/documents.csv").random();
    FeederBuilder<String> measures = csv(DATA + "/measures.csv").random();
    FeederBuilder<String> searches = csv(DATA + "/searches.csv").random();

    static final String AUTH = "Bearer #{token}";

    ChainBuilder readPage = randomSwitch().on(
            percent(30.0).then(exec(http("list documents").get("/api/v1/documents?size=20&sort=title")
                    .header("Authorization", AUTH).check(status().is(200)))),
            percent(25.0).then(feed(searches).exec(http("search documents")
                    .get("/api/v1/documents?q=#{q}&type=#{type}&status=ADOPTED&size=20")
                    .header("Authorization", AUTH).check(status().is(200)))),
            percent(25.0).then(feed(documents).exec(http("document").get("/api/v1/documents/#{documentId}")
                    .header("Authorization", AUTH).check(status().is(200)))),
            percent(10.0).then(feed(measures).exec(http("plan").get("/api/v1/plans/#{planId}")
                    .header("Authorization", AUTH).check(status().is(200)))),
            percent(10.0).then(feed(measures).exec(http("measure").get("/api/v1/plans/#{planId}/measures/#{measureId}")
                    .header("Authorization", AUTH).check(status().is(200)))));

    ScenarioBuilder reader = scenario("intranet reader").feed(readers).exec(readPage);

    /** A system polls its plan's status with the last ETag: 304 until the plan changes. */
    ScenarioBuilder poller = scenario("status poller").feed(pollers).exec(session -> session.set("etag", "\"none\""))
            .during(DURATION).on(pace(POLL_EVERY).exec(
                    http("plan status").get("/api/v1/plans/#{planId}/status")
                            .header("Authorization", AUTH).header("If-None-Match", "#{etag}")
                            .check(status().in(200, 304), header("ETag").optional().saveAs("newEtag")))
                    .exec(session -> session.contains("newEtag") && session.getString("newEtag") != null
                            ? session.set("etag", session.getString("newEtag")).remove("newEtag") : session));

    ScenarioBuilder planner = scenario("planner").feed(planners).feed(measures).exec(
            http("progress update").post("/api/v1/plans/#{planId}/measures/#{measureId}/updates")
                    .header("Authorization", AUTH)
                    .body(StringBody(session -> """
                            {"date":"%s","status":"IN_PROGRESS","progress":%d,"text":"Lägesrapport från lasttest."}"""
                            .formatted(LocalDate.now(), ThreadLocalRandom.current().nextInt(1, 100))))
                    .check(status().is(201)));

    /** A new document through remiss to adoption: three writes, each on the answer of the one before. */
    ScenarioBuilder registrar = scenario("registrar").feed(registrars).exec(
            http("register document").post("/api/v1/documents").header("Authorization", AUTH)
                    .body(StringBody(session -> """
                            {"diaryNumber":"LAST-%s","title":"Riktlinje för tillitsbaserad uppföljning %s",
                             "type":"GUIDELINE","ownerUnit":"HR-avdelningen","summary":"Skapad av lasttestet."}"""
                            .formatted(UUID.randomUUID().toString().substring(0, 18), UUID.randomUUID())))
                    .check(status().is(201), jsonPath("$.id").saveAs("newDocument")),
            http("open consultation").post("/api/v1/documents/#{newDocument}/consultations").header("Authorization", AUTH)
                    .body(StringBody(session -> """
                            {"recipients":["Vision","Kommunal"],"deadline":"%s"}""".formatted(LocalDate.now().plusMonths(1))))
                    .check(status().is(201)),
            http("adopt document").post("/api/v1/documents/#{newDocument}/adoptions").header("Authorization", AUTH)
                    .body(StringBody(session -> """
                            {"decision":{"body":"REGIONAL_DIRECTOR","date":"%s"}}""".formatted(LocalDate.now())))
                    .check(status().is(201)));

    ScenarioBuilder reporter = scenario("reporter").feed(reporters).feed(measures)
            .during(DURATION).on(pace(COMPILE_EVERY).exec(
                    http("compile report").post("/api/v1/reports").header("Authorization", AUTH)
                            .body(StringBody(session -> """
                                    {"planId":"%s","periodFrom":"2022-08-17","periodTo":"%s","title":"Uppföljning (lasttest)"}"""
                                    .formatted(session.getString("planId"), LocalDate.now())))
                            .check(status().is(201))));

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(reader.injectOpen(constantUsersPerSec(READS_PER_SECOND).during(DURATION).randomized()));
        populations.add(poller.injectOpen(rampUsers(POLLERS).during(POLL_EVERY)));
        if (UPDATES_PER_SECOND > 0) {
            populations.add(planner.injectOpen(constantUsersPerSec(UPDATES_PER_SECOND).during(DURATION).randomized()));
        }
        if (LIFECYCLES_PER_SECOND > 0) {
            populations.add(registrar.injectOpen(constantUsersPerSec(LIFECYCLES_PER_SECOND).during(DURATION).randomized()));
        }
        populations.add(reporter.injectOpen(atOnceUsers(1)));
        setUp(populations).protocols(protocol).maxDuration(DURATION.plusSeconds(30));
    }
}
