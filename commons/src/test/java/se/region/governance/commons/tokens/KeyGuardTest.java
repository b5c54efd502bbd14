package se.region.governance.commons.tokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.region.governance.commons.testing.LocalInfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key check before start: an unreadable key file stops it; production refuses the development key. */
class KeyGuardTest {

    private static final Path DEV_KEY = LocalInfra.root().resolve("deploy/local/dev-keys/public.pem");

    @Test
    void theFingerprintMatchesTheDevelopmentPublicKey() throws Exception {
        assertTrue(KeyGuard.isDevKey(Files.readString(DEV_KEY)));
    }

    @Test
    void anotherKeyIsNotTakenForTheDevelopmentKey() throws Exception {
        assertFalse(KeyGuard.isDevKey(otherKey()));
    }

    @Test
    void productionRefusesTheDevelopmentKeyAndTheOtherProfilesTakeIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyGuard.check(DEV_KEY.toString(), true));
        assertTrue(e.getMessage().contains("JWT_PUBLIC_KEY_LOCATION"), e.getMessage());
        assertDoesNotThrow(() -> KeyGuard.check(DEV_KEY.toString(), false));
        assertDoesNotThrow(() -> KeyGuard.check("file:" + DEV_KEY, false));
    }

    @Test
    void productionTakesAnotherKey(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("prod.pem"), otherKey());
        assertDoesNotThrow(() -> KeyGuard.check(key.toString(), true));
    }

    @Test
    void aKeyFileThatCannotBeReadStopsTheStartInEveryProfile(@TempDir Path dir) {
        String missing = dir.resolve("no-such-key.pem").toString();
        for (boolean production : new boolean[]{true, false}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyGuard.check(missing, production));
            assertTrue(e.getMessage().contains("no-such-key.pem"), e.getMessage());
        }
    }

    @Test
    void classpathAndUrlLocationsAreLeftToSmallRyeJwt() {
        assertEquals(Optional.empty(), KeyGuard.file("classpath:keys/public.pem"));
        assertEquals(Optional.empty(), KeyGuard.file("https://keys.region.example/jwks.json"));
        assertEquals(Optional.of(Path.of("/keys/jwt/public.pem")), KeyGuard.file("file:/keys/jwt/public.pem"));
        assertEquals(Optional.of(Path.of("../deploy/local/dev-keys/public.pem")), KeyGuard.file("../deploy/local/dev-keys/public.pem"));
        assertDoesNotThrow(() -> KeyGuard.check("classpath:keys/public.pem", true));
    }

    private static String otherKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
