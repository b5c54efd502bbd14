package se.region.governance.commons.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Drives deploy/local/infra from tests (e.g. stopping the Kafka broker to prove the outbox waits). */
public final class LocalInfra {

    private LocalInfra() {
    }

    /** The repository root: GOVERNANCE_ROOT (set by the parent POM for surefire) or the nearest folder with mvnw. */
    public static Path root() {
        String env = System.getenv("GOVERNANCE_ROOT");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("deploy/local/infra"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found");
        }
        return p;
    }

    public static void kafkaStop() {
        run("kafka-stop");
    }

    public static void kafkaStart() {
        run("kafka-start");
    }

    private static void run(String command) {
        try {
            Process p = new ProcessBuilder(root().resolve("deploy/local/infra").toString(), command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/infra " + command + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
