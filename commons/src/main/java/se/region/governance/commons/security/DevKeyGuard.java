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
        if (isDevKey(read(location.get()), devFingerprint.get())) {
            throw new IllegalStateException("The production profile must not trust the development key ("
                    + location.get() + "); set JWT_PUBLIC_KEY_LOCATION to the production key.");
        }
    }

    /** True when the PEM text is the development public key (it contains the fingerprint). */
    static boolean isDevKey(String pem, String fingerprint) {
        return pem != null && !fingerprint.isBlank() && pem.replaceAll("\\s", "").contains(fingerprint);
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
