package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.domain.AsOfState;
import se.region.governance.reports.domain.EventTypes;
import se.region.governance.reports.domain.LoggedEvent;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The service's own log of every event it applied, and the projections of the current state.
 * Plain JDBC on the transaction's connection (Agroal enlists it in the caller's JTA transaction).
 */
@ApplicationScoped
public class EventLog {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    /** One row of the log to write. */
    public record Entry(String eventId, String topic, String type, String subject, String planId, String entityId,
                        OffsetDateTime time, LocalDate effectiveDate, String dataJson, Integer partition, Long offset) {
    }

    /** The projections of the current state, by table. */
    public enum Projected {
        DOCUMENT("projected_document"), PLAN("projected_plan"), MEASURE("projected_measure");

        private final String table;

        Projected(String table) {
            this.table = table;
        }
    }

    /** A projection row that an event writes: which projection, the row's id, its plan (measures only), JSON. */
    public record Projection(Projected kind, String id, String planId, String json) {
    }

    /**
     * Logs an event and, only if it was not logged before (its id is the key), moves the creation events
     * of {@code aggregates} back to its effective date (nothing predates its creation) and writes its
     * projections. One statement, so one round trip per event. Returns false for an event already logged.
     */
    public boolean ingest(Entry e, List<String> aggregates, List<Projection> projections) {
        StringBuilder sql = new StringBuilder("with logged as (insert into event_log (event_id, topic, type, subject,"
                + " plan_id, entity_id, event_time, effective_date, data, kafka_partition, kafka_offset)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict (event_id) do nothing returning 1)");
        List<Object> args = new ArrayList<>(Arrays.asList(e.eventId(), e.topic(), e.type(), e.subject(), e.planId(),
                e.entityId(), e.time(), e.effectiveDate(), e.dataJson(), e.partition(), e.offset()));
        try (Connection c = dataSource.getConnection()) {
            if (!aggregates.isEmpty()) {
                sql.append(", moved as (update event_log set effective_date = ? where entity_id = any(?)"
                        + " and type like '%.created' and effective_date > ? and exists (select 1 from logged))");
                args.addAll(Arrays.asList(e.effectiveDate(), c.createArrayOf("text", aggregates.toArray()), e.effectiveDate()));
            }
            for (int n = 0; n < projections.size(); n++) {
                Projection p = projections.get(n);
                sql.append(", projected").append(n).append(" as (");
                if (p.kind() == Projected.MEASURE) {
                    sql.append("insert into projected_measure (id, plan_id, data, last_event_id, updated_at)"
                            + " select ?, ?, cast(? as jsonb), ?, ? where exists (select 1 from logged)"
                            + " on conflict (id) do update set plan_id = excluded.plan_id, data = excluded.data,"
                            + " last_event_id = excluded.last_event_id, updated_at = excluded.updated_at)");
                    args.addAll(Arrays.asList(p.id(), p.planId(), p.json(), e.eventId(), e.time()));
                } else {
                    sql.append("insert into ").append(p.kind().table).append(" (id, data, last_event_id, updated_at)"
                            + " select ?, cast(? as jsonb), ?, ? where exists (select 1 from logged)"
                            + " on conflict (id) do update set data = excluded.data, last_event_id = excluded.last_event_id,"
                            + " updated_at = excluded.updated_at)");
                    args.addAll(Arrays.asList(p.id(), p.json(), e.eventId(), e.time()));
                }
            }
            sql.append(" select count(*) from logged");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) == 1;
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public LocalDate planDecisionDate(String planId) {
        String s = single("select data -> 'decision' ->> 'date' from projected_plan where id = ?", planId);
        return s == null || s.length() < 10 ? null : LocalDate.parse(s.substring(0, 10));
    }

    public boolean planKnown(String planId) {
        return single("select id from projected_plan where id = ?", planId) != null;
    }

    /**
     * Feeds the register's events and one plan's events with an effective date on or before {@code asOf} to
     * {@code apply}, in {@link AsOfState#ORDER} (effective date, ties in log order), one at a time as they are read;
     * returns how many. On the caller's transaction's connection, read in batches (a large plan has tens of thousands).
     */
    public int replayUpTo(String planId, LocalDate asOf, Consumer<LoggedEvent> apply) {
        int events = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, event_id, topic, type, subject, event_time, effective_date,"
                     + " data_text from event_log where effective_date <= ? and (topic = ? or plan_id = ?)"
                     + " order by effective_date, seq")) {
            ps.setObject(1, asOf);
            ps.setString(2, EventTypes.DOCUMENTS_TOPIC);
            ps.setString(3, planId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    apply.accept(new LoggedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, LocalDate.class),
                            mapper.readTree(rs.getString(8))));
                    events++;
                }
            }
        } catch (SQLException | JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return events;
    }

    /** The register's events and one plan's events up to {@code asOf}, in {@link AsOfState#ORDER} (tests, diagnostics). */
    public List<LoggedEvent> eventsUpTo(String planId, LocalDate asOf) {
        List<LoggedEvent> events = new ArrayList<>();
        replayUpTo(planId, asOf, events::add);
        return events;
    }

    /** Per topic: how many events were applied and the last one (id, type, time, effective date, applied at). */
    public Map<String, Map<String, Object>> lastAppliedPerTopic() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select l.topic, l.event_id, l.type, l.event_time, l.effective_date,"
                     + " l.applied_at, n.applied from event_log l join (select topic, max(seq) seq, count(*) applied"
                     + " from event_log group by topic) n on n.seq = l.seq order by l.topic");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("eventId", rs.getString(2));
                m.put("type", rs.getString(3));
                m.put("time", rs.getObject(4, OffsetDateTime.class));
                m.put("effectiveDate", rs.getObject(5, LocalDate.class));
                m.put("appliedAt", rs.getObject(6, OffsetDateTime.class));
                m.put("applied", rs.getLong(7));
                out.put(rs.getString(1), m);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return out;
    }

    /** The log entry of one event, or null (tests and diagnostics). */
    public Map<String, Object> entry(String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, effective_date, applied_at from event_log where event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return Map.of("seq", rs.getLong(1), "effectiveDate", rs.getObject(2, LocalDate.class),
                        "appliedAt", rs.getObject(3, OffsetDateTime.class));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String single(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
