package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.domain.AsOfState;
import se.region.governance.reports.domain.EventTypes;
import se.region.governance.reports.domain.LoggedEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Which events a replay reads: the register's and one plan's, or one of the two. */
    public enum Part {
        /** The register's events (the documents topic) and the plan's. */
        ALL("(topic = ? or plan_id = ?)"),
        /** The register's events (the documents topic). */
        REGISTER("topic = ?"),
        /** The plan's events (of its topic, not the register's). */
        PLAN("topic <> ? and plan_id = ?");

        private final String condition;

        Part(String condition) {
            this.condition = condition;
        }
    }

    /**
     * Replays the register's events and one plan's events with an effective date on or before {@code asOf} to
     * {@code apply}, in {@link AsOfState#ORDER} (effective date, ties in log order); returns how many. Each event's data
     * has only the top-level {@code members} named (all when null; {@link AsOfState#MEMBERS_READ} for a rebuild).
     */
    public int replayUpTo(String planId, LocalDate asOf, Set<String> members, Consumer<LoggedEvent> apply) {
        return readUpTo(planId, asOf, Part.ALL).apply(members, apply);
    }

    /**
     * Reads the events of {@code part} with an effective date on or before {@code asOf}, ordered, their data not parsed
     * yet. The register's and the plan's events change different parts of an {@link AsOfState}, so a rebuild may read and
     * apply the two parts at the same time, on two threads (each part is read on the calling thread's connection: in its
     * transaction if it has one).
     * <p>
     * A large plan's rebuild reads tens of thousands of events, so the rows are read narrowly: the data as the UTF-8
     * bytes the driver received (no String), the date as a day number and the time as epoch microseconds (no text
     * parsed per row), topic and type (and a plan's subject) as the same strings each time.
     */
    public Replay readUpTo(String planId, LocalDate asOf, Part part) {
        List<Row> rows = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        KnownStrings known = new KnownStrings();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, event_id, topic, type, subject,"
                     + " (extract(epoch from event_time) * 1000000)::bigint, effective_date - date '1970-01-01', data_text"
                     + " from event_log where effective_date <= ? and " + part.condition)) {
            ps.setObject(1, asOf);
            ps.setString(2, EventTypes.DOCUMENTS_TOPIC);
            if (part != Part.REGISTER) {
                ps.setString(3, planId);
            }
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // a text column arrives as the database's UTF-8 bytes; getBytes hands them over without decoding
                    rows.add(new Row(rs.getLong(1), rs.getString(2), known.of(rs.getBytes(3)), known.of(rs.getBytes(4)),
                            known.of(rs.getBytes(5)), rs.getLong(6), rs.getInt(7), data.size()));
                    data.add(rs.getBytes(8));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        rows.sort(Row.ORDER);
        return new Replay(rows, data.toArray(new byte[0][]));
    }

    /**
     * The rows of a replay, ordered. Each event's data is parsed just before it is applied, one event after another by
     * one streaming parser: what the state does not keep of an event is garbage at once instead of the whole log being
     * held parsed, and each event's bytes are dropped once parsed. A replay is applied once.
     */
    public final class Replay {
        private final List<Row> rows;
        private final byte[][] data;

        private Replay(List<Row> rows, byte[][] data) {
            this.rows = rows;
            this.data = data;
        }

        /** Every event read, in {@link AsOfState#ORDER}, to {@code apply}; how many. */
        public int apply(Set<String> members, Consumer<LoggedEvent> apply) {
            Map<Integer, LocalDate> days = new HashMap<>();
            try (JsonParser parser = mapper.getFactory().createParser(new RowData(rows, data))) {
                EventDataReader reader = new EventDataReader(parser);
                for (Row r : rows) {
                    LocalDate effective = days.computeIfAbsent(r.day(), d -> LocalDate.ofEpochDay(d));
                    OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(r.micros(), 1_000_000L),
                            Math.floorMod(r.micros(), 1_000_000L) * 1000L), ZoneOffset.UTC);
                    boolean whole = members == null || AsOfState.KEEPS_ALL_DATA.contains(r.type());
                    apply.accept(new LoggedEvent(r.seq(), r.id(), r.topic(), r.type(), r.subject(), time, effective,
                            reader.next(whole ? null : members)));
                }
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            return rows.size();
        }
    }

    /** One row of a replay; its data is {@code data[data]} until parsed. */
    private record Row(long seq, String id, String topic, String type, String subject, long micros, int day, int data) {
        static final Comparator<Row> ORDER = (a, b) -> a.day != b.day ? Integer.compare(a.day, b.day) : Long.compare(a.seq, b.seq);
    }

    /** The rows' data one after another (a newline between), as one stream for one parser; a row's bytes are dropped once read. */
    private static final class RowData extends InputStream {
        private final List<Row> rows;
        private final byte[][] data;
        private int row = -1;
        private byte[] current = new byte[0];
        private int at;

        RowData(List<Row> rows, byte[][] data) {
            this.rows = rows;
            this.data = data;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (at == current.length) {
                if (row + 1 >= rows.size()) {
                    return -1;
                }
                boolean between = row >= 0;
                current = next();
                if (between) {
                    b[off] = '\n'; // between two events' data
                    return 1;
                }
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }

        private byte[] next() {
            int i = rows.get(++row).data();
            byte[] next = data[i];
            if (next == null) {
                throw new IllegalStateException("a replay is applied once");
            }
            data[i] = null;
            at = 0;
            return next;
        }
    }

    /**
     * Topics, types and subjects as the same strings each time they recur (a replay's rows name a handful of topics and
     * types, and a plan's events its id), found by their bytes without decoding them; other values are decoded.
     */
    private static final class KnownStrings {
        private static final int SLOTS = 256;
        private final byte[][] bytes = new byte[SLOTS][];
        private final String[] strings = new String[SLOTS];

        String of(byte[] b) {
            if (b == null) {
                return null;
            }
            int slot = (Arrays.hashCode(b) & 0x7fffffff) % SLOTS;
            if (bytes[slot] != null && Arrays.equals(bytes[slot], b)) {
                return strings[slot];
            }
            String s = new String(b, StandardCharsets.UTF_8);
            bytes[slot] = b;
            strings[slot] = s;
            return s;
        }
    }

    /** The register's events and one plan's events up to {@code asOf}, parsed whole, in {@link AsOfState#ORDER} (tests, diagnostics). */
    public List<LoggedEvent> eventsUpTo(String planId, LocalDate asOf) {
        List<LoggedEvent> events = new ArrayList<>();
        replayUpTo(planId, asOf, null, events::add);
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
