package se.region.governance.gateway.health;

import org.junit.jupiter.api.Test;
import se.region.governance.gateway.upstream.Upstream;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service's state from its instances': UP, DEGRADED with some down, DOWN with none up. */
class InstanceStatesTest {

    @Test
    void probedInstancesMakeTheServiceUpDegradedOrDown() {
        assertEquals("UP", ServicesHealth.serviceState(List.of("UP", "UP")));
        assertEquals("DEGRADED (1 of 2 instances up)", ServicesHealth.serviceState(List.of("DOWN (unreachable)", "UP")));
        assertEquals("DOWN (0 of 2 instances up)", ServicesHealth.serviceState(List.of("DOWN (unreachable)", "DOWN (HTTP 503)")));
        assertEquals("DOWN (HTTP 503)", ServicesHealth.serviceState(List.of("DOWN (HTTP 503)")));
        assertEquals("DOWN (no instance)", ServicesHealth.serviceState(List.of()));
    }

    @Test
    void instancesMarkedDownMakeTheReadinessDataDegradedOrDown() {
        assertEquals("2 instances", GatewayReadiness.describe(new Upstream.InstanceCounts(2, 0)));
        assertEquals("DEGRADED (1 of 3 instances marked down)", GatewayReadiness.describe(new Upstream.InstanceCounts(3, 1)));
        assertEquals("DOWN (all 2 instances marked down)", GatewayReadiness.describe(new Upstream.InstanceCounts(2, 2)));
    }
}
