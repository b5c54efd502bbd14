package se.region.governance.reports.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Not a test (no *Test name, surefire leaves it out): the allocation and time of compiling bench/reports' large plan
 * (1,000 measures, 10,000 updates, 5,000 documents) in this JVM, and a hash of the sections to compare across changes.
 * Event ids and times are made deterministic, so the hash is the same for the same compiler.
 * {@code ./mvnw -B -q -pl reporting-service test -Dtest=CompileBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (COMPILE_BENCH_ROUNDS, default 10, after as many warm-up rounds).
 */
@QuarkusTest
class CompileBench {

    static final String PLAN = "bench-plan-1000";

    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/api/v1/reports")
    URI reports;
    final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<byte[]> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(reports).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.tokenFor("bench", "HR-avdelningen", Roles.REPORTER))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void compileTheLargePlan() throws Exception {
        load();
        String body = "{\"planId\":\"" + PLAN + "\",\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-08-31\",\"asOf\":\"2023-08-31\","
                + "\"title\":\"Uppföljning\",\"compiledBy\":\"bench\"}";
        int rounds = Integer.parseInt(System.getenv().getOrDefault("COMPILE_BENCH_ROUNDS", "10"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String hash = null;
        for (int warm = 0; warm < rounds; warm++) {
            hash = sectionsHash(post(body));
        }
        long[] bytes = new long[rounds];
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            System.gc();
            // the service's threads only: the client (this thread and the HTTP client's) is left out as far as possible
            long a0 = serviceAllocated(threads);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = post(body);
            nanos[i] = System.nanoTime() - t0;
            bytes[i] = serviceAllocated(threads) - a0;
            assertEquals(hash, sectionsHash(r));
        }
        java.util.Arrays.sort(bytes);
        java.util.Arrays.sort(nanos);
        String line = String.format("compile bench: %d rounds; allocated per compile MB min %.1f median %.1f; time ms min %d median %d;"
                        + " sections sha256 %s", rounds, bytes[0] / 1e6, bytes[rounds / 2] / 1e6, nanos[0] / 1_000_000,
                nanos[rounds / 2] / 1_000_000, hash);
        System.out.println(line);
        Files.writeString(Path.of("target/compile-bench.txt"), line + "\n");
    }

    /** What the threads other than this one and the HTTP client's have allocated so far. */
    private static long serviceAllocated(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && !t.getName().startsWith("HttpClient")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return sum;
    }

    private static String sectionsHash(HttpResponse<byte[]> r) throws Exception {
        assertEquals(201, r.statusCode());
        String s = new String(r.body(), StandardCharsets.UTF_8);
        String sections = s.substring(s.indexOf("\"sections\":"));
        Files.writeString(Path.of("target/compile-bench-sections.json"), sections);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sections.getBytes(StandardCharsets.UTF_8)));
    }

    private void load() throws Exception {
        String sql = Files.readString(Path.of("../bench/reports/load-compile-data.sql")).replace(":'plan'", "'" + PLAN + "'");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("delete from event_log where plan_id = '" + PLAN + "' or topic = 'governance.documents'");
            st.execute("delete from projected_plan where id = '" + PLAN + "'");
            for (String statement : sql.split(";\n")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
            // the same ids and times on every load
            st.execute("update event_log e set event_id = md5('bench-' || o.n)::uuid::text,"
                    + " event_time = timestamptz '2024-03-01 09:30:00.123456+00' + o.n * interval '1 second'"
                    + " from (select seq, row_number() over (order by seq) n from event_log where plan_id = '" + PLAN + "'"
                    + " or topic = 'governance.documents') o where o.seq = e.seq");
        }
    }
}
