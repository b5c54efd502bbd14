package se.region.governance.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * The test run's view of the Kafka broker through the admin client: its topics (created with
 * {@value #PARTITIONS} partitions, as deploy/local/infra's broker creates topics by default, so that
 * several consumers of one group have partitions to share), the consumer groups' members and what each
 * is assigned, and the producers that wrote to a partition.
 */
final class Broker implements AutoCloseable {

    static final int PARTITIONS = 3;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    Broker() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        admin = Admin.create(p);
    }

    /** Creates those of the topics that do not exist yet; existing ones are left as they are. */
    void ensureTopics(Collection<String> topics) throws Exception {
        Set<String> existing = get(admin.listTopics().names());
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                create(topic);
            }
        }
    }

    /** Deletes the topics if they exist and creates them again, empty, with {@value #PARTITIONS} partitions. */
    void recreateTopics(Collection<String> topics) throws Exception {
        Set<String> existing = get(admin.listTopics().names());
        List<String> delete = topics.stream().filter(existing::contains).toList();
        if (!delete.isEmpty()) {
            get(admin.deleteTopics(delete).all());
            await().atMost(ADMIN_TIMEOUT).until(() -> get(admin.listTopics().names()).stream().noneMatch(delete::contains));
        }
        for (String topic : topics) {
            // a deleted topic's name can be refused for a moment while the deletion completes
            await().atMost(ADMIN_TIMEOUT).ignoreException(TopicExistsException.class).until(() -> {
                create(topic);
                return true;
            });
        }
    }

    private void create(String topic) throws Exception {
        try {
            get(admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException exists) {
                throw exists;
            }
            throw e;
        }
    }

    int partitions(String topic) throws Exception {
        TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return d.partitions().size();
    }

    /** The group's members by client id, each with the partitions it is assigned. */
    Map<String, Set<TopicPartition>> assignments(String group) throws Exception {
        ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
        return d.members().stream().collect(Collectors.toMap(m -> m.clientId(), m -> m.assignment().topicPartitions(),
                (a, b) -> {
                    throw new IllegalStateException("two members with the client id of " + a);
                }));
    }

    /** The ids of the producers that wrote to any partition of the topic (the broker keeps them while their records are there). */
    Set<Long> producerIds(String topic) throws Exception {
        List<TopicPartition> partitions = IntStream.range(0, partitions(topic)).mapToObj(p -> new TopicPartition(topic, p)).toList();
        return get(admin.describeProducers(partitions).all()).values().stream()
                .flatMap(d -> d.activeProducers().stream()).map(ProducerState::producerId).collect(Collectors.toSet());
    }

    /** Deletes consumer groups a test run made for itself (no member may be left in them). */
    void deleteGroups(Collection<String> groups) {
        for (String group : groups) {
            try {
                get(admin.deleteConsumerGroups(List.of(group)).all());
            } catch (Exception e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException) && !(e.getCause() instanceof GroupNotEmptyException)) {
                    throw new IllegalStateException("could not delete consumer group " + group, e);
                }
            }
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws Exception {
        return future.get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
