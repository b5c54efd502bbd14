package se.region.governance.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlaceholdersTest {

    @Test
    void findsNamesDefaultsAndNestedDefaults() {
        assertEquals(List.of(new Placeholders.Placeholder("JWT_PUBLIC_KEY_LOCATION", Optional.empty())),
                Placeholders.in("${JWT_PUBLIC_KEY_LOCATION}"));
        assertEquals(List.of(new Placeholders.Placeholder("DB_URL", Optional.of("jdbc:postgresql://127.0.0.1:5432/reporting"))),
                Placeholders.in("${DB_URL:jdbc:postgresql://127.0.0.1:5432/reporting}"));
        assertEquals(List.of(new Placeholders.Placeholder("A", Optional.of("${B:Europe/Stockholm}")),
                        new Placeholders.Placeholder("B", Optional.of("Europe/Stockholm"))),
                Placeholders.in("${A:${B:Europe/Stockholm}}"));
        assertEquals(List.of(new Placeholders.Placeholder("GATEWAY_PUBLIC_URL", Optional.of(""))), Placeholders.in("${GATEWAY_PUBLIC_URL:}"));
        assertEquals(List.of(new Placeholders.Placeholder("GOVERNANCE_ROOT", Optional.of(".."))),
                Placeholders.in("${GOVERNANCE_ROOT:..}/deploy/local/dev-keys/public.pem"));
    }

    @Test
    void resolvesFromTheLookupElseTheDefault() {
        Map<String, String> env = Map.of("GOVERNANCE_ROOT", "/governance", "B", "UTC");
        assertEquals("/governance/deploy/local/dev-keys/public.pem",
                Placeholders.resolve("${GOVERNANCE_ROOT:..}/deploy/local/dev-keys/public.pem", n -> Optional.ofNullable(env.get(n))));
        assertEquals("UTC", Placeholders.resolve("${A:${B:Europe/Stockholm}}", n -> Optional.ofNullable(env.get(n))));
        assertEquals("Europe/Stockholm", Placeholders.resolve("${A:${C:Europe/Stockholm}}", n -> Optional.ofNullable(env.get(n))));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.resolve("${JWT_PUBLIC_KEY_LOCATION}", n -> Optional.empty()));
    }
}
