package se.region.governance.reports.infrastructure;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The consumer group's lag per topic: the broker's end offsets minus the group's committed offsets
 * (records the broker holds that the group has not yet acknowledged), asked through an admin client.
 */
@ApplicationScoped
public class KafkaLag {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Admin admin;

    /** topic → {committed, end, lag}; an "error" entry when the broker cannot be asked. */
    public synchronized Map<String, Map<String, Object>> lag(String groupId, Set<String> topics) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin().describeTopics(topics)
                    .allTopicNames().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(p -> ask.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(ask).all().get(5, TimeUnit.SECONDS);
            for (String topic : topics) {
                long end = 0;
                long done = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(topic)).collect(Collectors.toSet())) {
                    end += e.getValue().offset();
                    OffsetAndMetadata c = committed.get(e.getKey());
                    done += c == null ? 0 : c.offset();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("committedOffset", done);
                m.put("endOffset", end);
                m.put("lag", Math.max(0, end - done));
                out.put(topic, m);
            }
        } catch (Exception e) {
            Log.debugf(e, "consumer lag of %s", groupId);
            for (String topic : topics) {
                out.put(topic, Map.of("error", "broker not reachable: " + e.getClass().getSimpleName()));
            }
            close();
        }
        return out;
    }

    private Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-lag");
            admin = Admin.create(p);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }
}
