package se.region.governance.gateway.upstream;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How route URLs become Stork's configuration: addresses of a static list, the Service Kubernetes discovery follows. */
class UpstreamsTest {

    @Test
    void aRouteOfSeveralUrlsIsAStaticListOfHostAndPort() {
        assertEquals("127.0.0.1:8081,127.0.0.1:8181,docs.internal:80",
                Upstreams.addresses(List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8181/"),
                        URI.create("http://docs.internal"))));
    }

    @Test
    void kubernetesDiscoveryFollowsTheServiceTheUrlNames() {
        assertEquals("governance-docs-service",
                Upstreams.kubernetesService(List.of(URI.create("http://governance-docs-service:8081"))));
        assertEquals("action-plan-service",
                Upstreams.kubernetesService(List.of(URI.create("http://action-plan-service.governance.svc.cluster.local:8082"))));
    }
}
