package se.region.governance.gateway.upstream;

import io.smallrye.stork.api.NoServiceInstanceFoundException;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service behind the gateway: its instances (Stork's discovery, a static list or Kubernetes) and the
 * choice of one per request (Stork's power-of-two-choices balancer over the instances' requests in flight).
 * An instance that refused a connection is marked down for a while and skipped; when every instance is
 * marked down they are all tried again, so a service that came back is found without waiting.
 */
public final class Upstream {

    private final String name;
    private final Service service;
    private final long downNanos;
    private final Map<String, Long> downUntil = new ConcurrentHashMap<>();
    private volatile List<ServiceInstance> lastKnown = List.of();

    Upstream(String name, Service service, Duration downTime) {
        this.name = name;
        this.service = service;
        this.downNanos = downTime.toNanos();
    }

    /** The service's name (as in the services' health: governance-docs-service, ...). */
    public String name() {
        return name;
    }

    /**
     * An instance for one request, other than {@code excluded} (an address, or null), its start already
     * recorded: the caller records its end ({@link ServiceInstance#recordEnd(Throwable)}) exactly once.
     */
    public Future<ServiceInstance> choose(String excluded) {
        return instances().compose(all -> {
            List<ServiceInstance> candidates = all.stream().filter(i -> !address(i).equals(excluded)).toList();
            if (candidates.isEmpty()) {
                return Future.failedFuture(new NoServiceInstanceFoundException(
                        "No instance of " + name + (excluded == null ? "" : " other than " + excluded)));
            }
            List<ServiceInstance> up = candidates.stream().filter(i -> !isMarkedDown(i)).toList();
            return Future.succeededFuture(service.selectInstanceAndRecordStart(up.isEmpty() ? candidates : up, false));
        });
    }

    /**
     * The base URL of an instance for a request outside the proxied ones (the service's OpenAPI document, its
     * health): one not marked down where there is one.
     */
    public Future<URI> anyInstance() {
        return instances().compose(all -> all.stream().filter(i -> !isMarkedDown(i)).findFirst()
                .or(() -> all.stream().findFirst())
                .map(i -> Future.succeededFuture(baseUri(i)))
                .orElseGet(() -> Future.failedFuture(new NoServiceInstanceFoundException("No instance of " + name))));
    }

    public static URI baseUri(ServiceInstance instance) {
        return URI.create("http://" + address(instance));
    }

    /** Skip this instance for a while (it refused a connection or did not accept one in time). */
    public void markDown(ServiceInstance instance) {
        downUntil.put(address(instance), System.nanoTime() + downNanos);
    }

    public boolean isMarkedDown(ServiceInstance instance) {
        Long until = downUntil.get(address(instance));
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until >= 0) {
            downUntil.remove(address(instance), until);
            return false;
        }
        return true;
    }

    /** The instances discovery knows now (a static list answers at once; Kubernetes from its watched cache). */
    public Future<List<ServiceInstance>> instances() {
        CompletableFuture<List<ServiceInstance>> discovered = service.getInstances().subscribeAsCompletionStage();
        if (discovered.isDone() && !discovered.isCompletedExceptionally()) {
            return Future.succeededFuture(remember(discovered.join()));
        }
        Context context = Vertx.currentContext();
        Future<List<ServiceInstance>> future = context == null
                ? Future.fromCompletionStage(discovered) : Future.fromCompletionStage(discovered, context);
        return future.map(this::remember);
    }

    /** What the gateway knows without asking anyone: the instances last discovered and how many are marked down. */
    public InstanceCounts counts() {
        List<ServiceInstance> known = lastKnown;
        int down = (int) known.stream().filter(this::isMarkedDown).count();
        return new InstanceCounts(known.size(), down);
    }

    private List<ServiceInstance> remember(List<ServiceInstance> instances) {
        lastKnown = List.copyOf(instances);
        return lastKnown;
    }

    public static String address(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }

    /** Instances known and how many of them are marked down. */
    public record InstanceCounts(int known, int markedDown) {
        public int up() {
            return known - markedDown;
        }
    }
}
