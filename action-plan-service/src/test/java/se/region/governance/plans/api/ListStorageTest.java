package se.region.governance.plans.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.ScratchSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.reader;

/**
 * Lists are jsonb arrays in their row (V4): they keep the order they were set in and values with
 * commas, and the rows written before V4 (comma-separated codes and ids, parties as JSON text) read
 * the same after it.
 */
@QuarkusTest
class ListStorageTest {

    static final List<String> PARTIES = List.of("Vision", "Kommunal, sektion Vård och omsorg", "Medarbetare");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMeasuresListsKeepTheirOrder() throws Exception {
        UUID second = replica("Riktlinje B");
        UUID first = replica("Riktlinje A");
        String plan = createPlan();
        String m = createMeasure(plan, """
                {"code":"L1","title":"Listor","responsibleUnit":"%s",
                 "principles":["OPENNESS","TRUST","DISCRETION"],"documentIds":["%s","%s"]}""".formatted(HR, second, first));
        reader().get("/api/v1/plans/{id}/measures/{mid}", plan, m).then().statusCode(200)
                .body("documentIds", contains(second.toString(), first.toString()))
                .body("documents.title", contains("Riktlinje B", "Riktlinje A"))
                // the API answers principles in the enum's order, whatever the stored one
                .body("principles", contains("TRUST", "DISCRETION", "OPENNESS"));
        assertEquals(List.of("OPENNESS", "TRUST", "DISCRETION"), stored("select principles from measure where id = ?", m));
        assertEquals(List.of(second.toString(), first.toString()), stored("select document_ids from measure where id = ?", m));
    }

    @Test
    void partiesKeepTheirOrderAndCommas() throws Exception {
        String plan = createPlan();
        String location = admin().body(java.util.Map.of("date", "2023-03-01", "parties", PARTIES, "form", "DIALOGUE"))
                .post("/api/v1/plans/{id}/collaborations", plan).then().statusCode(201).extract().header("Location");
        String id = reader().get(location).then().statusCode(200).body("parties", contains(PARTIES.toArray()))
                .extract().path("id");
        assertEquals(PARTIES, stored("select parties from collaboration where id = ?", id));
    }

    @Test
    void rowsWrittenBeforeV4ReadTheSame() throws Exception {
        UUID plan = UUID.randomUUID();
        UUID measure = UUID.randomUUID();
        UUID bare = UUID.randomUUID();
        UUID doc1 = UUID.randomUUID();
        UUID doc2 = UUID.randomUUID();
        try (ScratchSchema schema = ScratchSchema.migratedTo("plans_lists_v4_test", "3")) {
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                s.execute("insert into plan (id, title, owner_unit, status, version, created_at, updated_at)"
                        + " values ('" + plan + "', 'P', 'HR', 'ACTIVE', 0, now(), now())");
                s.execute("insert into measure (id, plan_id, code, title, responsible_unit, status, progress, weight,"
                        + " principles, document_ids, version, created_at, updated_at) values"
                        + " ('" + measure + "', '" + plan + "', '1', 'M', 'HR', 'PLANNED', 0, 1,"
                        + " 'SUPPORT,TRUST', '" + doc1 + "," + doc2 + "', 0, now(), now()),"
                        + " ('" + bare + "', '" + plan + "', '2', 'N', 'HR', 'PLANNED', 0, 1, '', '', 0, now(), now())");
                s.execute("insert into collaboration (id, plan_id, date, parties, form, recorded_by, recorded_at) values"
                        + " ('" + UUID.randomUUID() + "', '" + plan + "', '2023-03-01',"
                        + " '[\"Vision\",\"Kommunal, sektion Vård och omsorg\",\"Medarbetare\"]', 'DIALOGUE', 'x', now())");
            }
            schema.migrate();
            try (Connection c = schema.connect()) {
                assertEquals(List.of("SUPPORT", "TRUST"), stored(c, "select principles from measure where id = ?", measure));
                assertEquals(List.of(doc1.toString(), doc2.toString()),
                        stored(c, "select document_ids from measure where id = ?", measure));
                assertEquals(List.of(), stored(c, "select principles from measure where id = ?", bare));
                assertEquals(List.of(), stored(c, "select document_ids from measure where id = ?", bare));
                assertEquals(PARTIES, stored(c, "select parties from collaboration where plan_id = ?", plan));
            }
        }
    }

    private UUID replica(String title) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into document_replica (id, title, status, source_updated_at,"
                     + " received_at) values (?, ?, 'ADOPTED', now(), now())")) {
            ps.setObject(1, id);
            ps.setString(2, title);
            ps.executeUpdate();
        }
        return id;
    }

    private List<String> stored(String sql, Object id) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return stored(c, sql, id);
        }
    }

    /** The jsonb array the query selects, element by element as text; fails unless it is an array of strings. */
    static List<String> stored(Connection c, String sql, Object id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select jsonb_typeof(x) = 'array'"
                + " and not exists (select 1 from jsonb_array_elements(x) e where jsonb_typeof(e) <> 'string'),"
                + " array(select jsonb_array_elements_text(x)) from (" + sql + ") as q(x)")) {
            ps.setObject(1, id instanceof String s ? UUID.fromString(s) : id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql + " " + id);
                assertTrue(rs.getBoolean(1), "an array of strings: " + sql + " " + id);
                return new ArrayList<>(List.of((String[]) rs.getArray(2).getArray()));
            }
        }
    }
}
