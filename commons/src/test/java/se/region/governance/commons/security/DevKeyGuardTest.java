package se.region.governance.commons.security;

import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.LocalInfra;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production profile must recognise (and refuse) the development key of deploy/local/dev-keys. */
class DevKeyGuardTest {

    private static String configuredFingerprint() throws Exception {
        Properties p = new Properties();
        try (InputStream in = DevKeyGuard.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        return p.getProperty("governance.security.dev-key-fingerprint");
    }

    @Test
    void theConfiguredFingerprintMatchesTheDevelopmentPublicKey() throws Exception {
        String pem = Files.readString(LocalInfra.root().resolve("deploy/local/dev-keys/public.pem"));
        assertTrue(DevKeyGuard.isDevKey(pem, configuredFingerprint()));
    }

    @Test
    void anotherKeyIsNotTakenForTheDevelopmentKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String other = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertFalse(DevKeyGuard.isDevKey(other, configuredFingerprint()));
    }
}
