package se.region.governance.gateway.config;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public URL check at start (the prod profile requires one; e2e starts the packaged gateway in prod without it). */
class PublicUrlTest {

    @Test
    void requiredAndMissingStopsTheStartSayingWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PublicUrl.validate(Optional.empty(), true));
        assertTrue(e.getMessage().contains("GATEWAY_PUBLIC_URL"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> PublicUrl.validate(Optional.of("  "), true));
    }

    @Test
    void optionalAndMissingMeansFromEachRequest() {
        assertNull(PublicUrl.validate(Optional.empty(), false));
    }

    @Test
    void aValidUrlLosesItsTrailingSlash() {
        assertEquals("https://governance.region.example", PublicUrl.validate(Optional.of("https://governance.region.example/"), true));
        assertEquals("http://gw:8080", PublicUrl.validate(Optional.of("http://gw:8080"), true));
    }

    @Test
    void anythingButSchemeHostAndPortIsRefused() {
        for (String bad : new String[]{"governance.region.example", "ftp://x.example", "https://x.example/api",
                "https://x.example?a=b", "https://", "http://x y"}) {
            assertThrows(IllegalStateException.class, () -> PublicUrl.validate(Optional.of(bad), false), bad);
        }
    }
}
