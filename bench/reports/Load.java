// Fixed-rate load for bench/reports/run.sh (run with `java Load.java`; JDK only, no build).
// POSTs progress updates to the plans service at RATE writes/s for SECONDS, round robin over the
// given measures, open loop (a slow answer does not slow the schedule), and prints what it achieved.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Load {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String plan = args[2];
        String[] measures = args[3].split(",");
        String acks = args.length > 6 ? args[6] : null;
        java.util.concurrent.ConcurrentLinkedQueue<String> acked = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.regex.Pattern idPattern = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(32))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger sent = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ticks.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            String measure = measures[n % measures.length];
            String body = "{\"date\":\"" + LocalDate.of(2023, 1, 1).plusDays(n % 240) + "\",\"author\":\"bench\","
                    + "\"status\":\"IN_PROGRESS\",\"progress\":" + (n % 100) + ",\"text\":\"Uppföljning " + n
                    + " av åtgärden\",\"example\":" + (n % 50 == 0) + "}";
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/plans/" + plan + "/measures/" + measure + "/updates"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 201) {
                    // the write is committed when its 201 arrives: remember when, for commit -> applied

                    java.util.regex.Matcher m = idPattern.matcher(r.body());
                    if (m.find()) {
                        acked.add(m.group(1) + "," + java.time.Instant.now());
                    }
                }
                statuses.computeIfAbsent(e == null ? r.statusCode() : -1, k -> new AtomicInteger()).incrementAndGet();
                if (e != null && firstError.get() == null) {
                    firstError.set(e.toString());
                }
                done.countDown();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        ticks.shutdownNow();
        System.out.printf("   sent %d writes in %.1f s (%.0f/s); answers by status: %s%n", Math.min(sent.get(), total), elapsed,
                Math.min(sent.get(), total) / elapsed, statuses + (firstError.get() == null ? "" : " (first error: " + firstError.get() + ")"));
        if (acks != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(acks), acked);
        }
        System.exit(0);
    }
}
