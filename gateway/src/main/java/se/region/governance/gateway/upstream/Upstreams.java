package se.region.governance.gateway.upstream;

import io.quarkus.logging.Log;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceDefinition;
import io.smallrye.stork.api.config.ConfigWithType;
import io.smallrye.stork.integration.DefaultStorkInfrastructure;
import io.smallrye.stork.loadbalancer.poweroftwochoices.PowerOfTwoChoicesConfiguration;
import io.smallrye.stork.servicediscovery.kubernetes.KubernetesConfiguration;
import io.smallrye.stork.servicediscovery.staticlist.StaticConfiguration;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import se.region.governance.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The services behind the gateway, each an {@link Upstream}, defined once with SmallRye Stork (used as a
 * library: the Quarkus extension does not resolve here, see docs/adr/0009-gateway-balancing.md). Locally the
 * instances are the route's URLs; with {@code gateway.discovery=kubernetes} they are the ready endpoints of
 * the Kubernetes Service the route's URL names, followed as they change.
 */
@Singleton
public class Upstreams {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private Upstream documents;
    private Upstream plans;
    private Upstream reports;

    @PostConstruct
    void start() {
        Stork.initialize(new DefaultStorkInfrastructure() {
            @Override
            public <T> T get(Class<T> type, Supplier<T> otherwise) {
                // Kubernetes discovery runs its blocking calls on the gateway's own Vert.x, not a second one
                return type == Vertx.class ? type.cast(vertx) : super.get(type, otherwise);
            }
        });
        documents = define("governance-docs-service", config.routes().documents());
        plans = define("action-plan-service", config.routes().plans());
        reports = define("reporting-service", config.routes().reports());
    }

    @PreDestroy
    void stop() {
        Stork.shutdown();
    }

    public Upstream documents() {
        return documents;
    }

    public Upstream plans() {
        return plans;
    }

    public Upstream reports() {
        return reports;
    }

    public List<Upstream> all() {
        return List.of(documents, plans, reports);
    }

    private Upstream define(String name, List<URI> urls) {
        ConfigWithType discovery = switch (config.discovery()) {
            case STATIC -> new StaticConfiguration().withAddressList(addresses(urls));
            case KUBERNETES -> {
                KubernetesConfiguration k8s = new KubernetesConfiguration().withApplication(kubernetesService(urls));
                config.kubernetes().namespace().ifPresent(k8s::withK8sNamespace);
                yield k8s;
            }
        };
        Stork.getInstance().defineIfAbsent(name, ServiceDefinition.of(discovery, new PowerOfTwoChoicesConfiguration()));
        Log.infof("%s: %s instances from %s", name, config.discovery().name().toLowerCase(),
                config.discovery() == GatewayConfig.Discovery.STATIC ? addresses(urls) : "Service " + kubernetesService(urls));
        Upstream upstream = new Upstream(name, Stork.getInstance().getService(name), config.instanceDownTime());
        upstream.instances(); // a first look, so the readiness check knows the instances before any request
        return upstream;
    }

    /** host:port of each URL (the gateway speaks plain HTTP to the services; a path is not part of a route). */
    static String addresses(List<URI> urls) {
        return urls.stream().map(u -> u.getHost() + ":" + port(u)).collect(Collectors.joining(","));
    }

    /** The Kubernetes Service a route's URL names: the first label of its host (governance-docs-service.ns.svc). */
    static String kubernetesService(List<URI> urls) {
        return urls.get(0).getHost().split("\\.")[0];
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
