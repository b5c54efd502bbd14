package se.region.governance.commons.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to start the production profile with the development public key: a token minted by
 * {@code deploy/local/token} must never be accepted in production.
 */
public class DevKeyGuard {

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                 @ConfigProperty(name = "governance.security.dev-key-fingerprint") Optional<String> devFingerprint) {
        if (!ConfigUtils.getProfiles().contains("prod") || location.isEmpty() || devFingerprint.isEmpty()) {
            return;
        }
        String key = read(location.get());
        if (key != null && key.replaceAll("\\s", "").contains(devFingerprint.get())) {
            throw new IllegalStateException("The production profile must not trust the development key ("
                    + location.get() + "); set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the production key.");
        }
    }

    private static String read(String location) {
        String path = location.startsWith("file:") ? location.substring(5) : location;
        try {
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null; // classpath or URL locations: SmallRye JWT reports problems itself
        }
    }
}
