package se.region.governance.commons.tokens;

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
 * Checks the public key that bearer tokens are verified with before a service or the gateway starts serving:
 * <ul>
 * <li>a key given as a file that cannot be read stops the start, with the location named (SmallRye JWT would only
 * find out at the first request, and then answer every request with a 500);</li>
 * <li>the production profile refuses the development public key of {@code deploy/local/dev-keys}: a token minted by
 * {@code deploy/local/token} must never be accepted in production.</li>
 * </ul>
 * Keys given as {@code classpath:} or a URL are left to SmallRye JWT.
 */
public class KeyGuard {

    /** Part of the development public key's base64 text. */
    static final String DEV_KEY_FINGERPRINT = "CAQEArxPORGrrMi7pD/mDTeYmSlIJaCooksWpD1snxlifQyQNTh4ORtF3xcOu";

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        location.ifPresent(l -> check(l, ConfigUtils.getProfiles().contains("prod")));
    }

    /** Throws when the key at {@code location} is a file that cannot be read, or (in production) the development key. */
    static void check(String location, boolean production) {
        Optional<Path> file = file(location);
        if (file.isEmpty()) {
            return;
        }
        String pem;
        try {
            pem = Files.readString(file.get(), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the public key that tokens are verified with, "
                    + file.get().toAbsolutePath() + " (mp.jwt.verify.publickey.location: JWT_PUBLIC_KEY_LOCATION; in the dev, test and"
                    + " local profiles the development key under GOVERNANCE_ROOT): " + e);
        }
        if (production && isDevKey(pem)) {
            throw new IllegalStateException("The production profile must not trust the development key ("
                    + location + "); set JWT_PUBLIC_KEY_LOCATION to the production key.");
        }
    }

    /** True when the PEM text is the development public key. */
    static boolean isDevKey(String pem) {
        return pem != null && pem.replaceAll("\\s", "").contains(DEV_KEY_FINGERPRINT);
    }

    /** The file a key location names: a plain path or a {@code file:} URL; none for classpath and other URLs. */
    static Optional<Path> file(String location) {
        if (location.startsWith("file:")) {
            return Optional.of(Path.of(location.substring(5)));
        }
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) { // classpath:, http:, ... (not a drive letter)
            return Optional.empty();
        }
        return Optional.of(Path.of(location));
    }
}
