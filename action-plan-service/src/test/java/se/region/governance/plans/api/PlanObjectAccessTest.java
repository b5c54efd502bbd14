package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.region.governance.plans.api.Plans.HR;
import static se.region.governance.plans.api.Plans.HSF;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createMeasure;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.measureEtag;
import static se.region.governance.plans.api.Plans.planner;
import static se.region.governance.plans.api.Plans.reader;
import static se.region.governance.plans.api.Plans.report;

/**
 * The object-level rules of application/PlanAccess: one unit's planner cannot change a figure of
 * another unit's measure or plan, directly or through the progress roll-up.
 */
@QuarkusTest
class PlanObjectAccessTest {

    static final String MEASURE = "/api/v1/plans/{id}/measures/{mid}";
    static final String MEASURES = "/api/v1/plans/{id}/measures";

    /** An HR plan with HR measure 1 (progress 20) and an HSF measure 2 at the top level. */
    record Fixture(String plan, String hr, String hsf) {
    }

    static Fixture fixture() {
        String plan = createPlan();
        String hr = createMeasure(plan, "1", HR);
        String hsf = createMeasure(plan, "2", HSF);
        report(plan, hr, "{\"date\":\"2023-03-01\",\"status\":\"IN_PROGRESS\",\"progress\":20}");
        return new Fixture(plan, hr, hsf);
    }

    static void progressIs(Fixture f, String measure, int progress) {
        reader().get(MEASURE, f.plan(), measure).then().statusCode(200).body("progress", equalTo(progress));
    }

    @Test
    void aPlannerCannotCreateAChildUnderAnotherUnitsMeasure() {
        Fixture f = fixture();
        planner(HSF).body("{\"code\":\"1.1\",\"title\":\"Kuckelurening\",\"responsibleUnit\":\"" + HSF + "\","
                        + "\"parentId\":\"" + f.hr() + "\",\"weight\":1000,\"progress\":100,\"status\":\"IN_PROGRESS\"}")
                .post(MEASURES, f.plan()).then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("not-your-unit")).body("requiredUnit", equalTo(HR))
                .body("title", equalTo("Forbidden")).body("status", equalTo(403));
        progressIs(f, f.hr(), 20);
        reader().queryParam("parentId", f.hr()).get(MEASURES, f.plan()).then().statusCode(200).body("total", equalTo(0));
        // the HR planner may add an HR child; the admin may put any unit's child there
        planner(HR).body("{\"code\":\"1.1\",\"title\":\"Del\",\"responsibleUnit\":\"" + HR + "\",\"parentId\":\""
                + f.hr() + "\"}").post(MEASURES, f.plan()).then().statusCode(201);
        admin().body("{\"code\":\"1.2\",\"title\":\"Del\",\"responsibleUnit\":\"" + HSF + "\",\"parentId\":\""
                + f.hr() + "\"}").post(MEASURES, f.plan()).then().statusCode(201);
    }

    @Test
    void aPlannerCannotAddATopLevelMeasureToAnotherUnitsPlan() {
        Fixture f = fixture();
        planner(HSF).body("{\"code\":\"3\",\"title\":\"Egen\",\"responsibleUnit\":\"" + HSF + "\",\"weight\":1000}")
                .post(MEASURES, f.plan()).then().statusCode(403).body("requiredUnit", equalTo(HR));
        // a sub-activity of the unit's own measure needs no one else
        planner(HSF).body("{\"code\":\"2.1\",\"title\":\"Egen\",\"responsibleUnit\":\"" + HSF + "\",\"parentId\":\""
                + f.hsf() + "\",\"weight\":5}").post(MEASURES, f.plan()).then().statusCode(201);
    }

    @Test
    void aPlannerCannotMoveTheirMeasureUnderAnotherUnitsMeasure() {
        Fixture f = fixture();
        planner(HSF).header("If-Match", measureEtag(f.plan(), f.hsf()))
                .body("{\"parentId\":\"" + f.hr() + "\",\"weight\":1000}")
                .patch(MEASURE, f.plan(), f.hsf()).then().statusCode(403).body("requiredUnit", equalTo(HR));
        reader().get(MEASURE, f.plan(), f.hsf()).then().statusCode(200).body("parentId", nullValue())
                .body("weight", equalTo(1));
        progressIs(f, f.hr(), 20);
    }

    @Test
    void aChildPlacedByTheAdminUnderAnotherUnitCannotBeReweightedOrWithdrawnByItsOwnUnit() {
        Fixture f = fixture();
        String other = createMeasure(f.plan(), "3", HSF);
        String child = createMeasure(f.plan(), "{\"code\":\"1.1\",\"title\":\"Del\",\"responsibleUnit\":\"" + HSF
                + "\",\"parentId\":\"" + f.hr() + "\"}");
        // the weight is the parent's figure
        planner(HSF).header("If-Match", measureEtag(f.plan(), child)).body("{\"weight\":1000}")
                .patch(MEASURE, f.plan(), child).then().statusCode(403).body("requiredUnit", equalTo(HR));
        // leaving changes the parent's figure too
        planner(HSF).header("If-Match", measureEtag(f.plan(), child)).body("{\"parentId\":\"" + other + "\"}")
                .patch(MEASURE, f.plan(), child).then().statusCode(403).body("requiredUnit", equalTo(HR));
        planner(HSF).header("If-Match", measureEtag(f.plan(), child)).body("{\"parentId\":null}")
                .patch(MEASURE, f.plan(), child).then().statusCode(403).body("requiredUnit", equalTo(HR));
        // its own fields and its progress reports are its unit's: they roll up into the parent that accepted it
        planner(HSF).header("If-Match", measureEtag(f.plan(), child)).body("{\"title\":\"Ny titel\",\"weight\":1}")
                .patch(MEASURE, f.plan(), child).then().statusCode(200).body("title", equalTo("Ny titel"));
        planner(HSF).body("{\"date\":\"2023-04-01\",\"status\":\"IN_PROGRESS\",\"progress\":60}")
                .post(MEASURE + "/updates", f.plan(), child).then().statusCode(201);
        progressIs(f, f.hr(), 60);
        // the weight is also a field of the child: the parent's unit alone cannot change it either
        planner(HR).header("If-Match", measureEtag(f.plan(), child)).body("{\"weight\":2}")
                .patch(MEASURE, f.plan(), child).then().statusCode(403).body("requiredUnit", equalTo(HSF));
        admin().header("If-Match", measureEtag(f.plan(), child)).body("{\"weight\":2}")
                .patch(MEASURE, f.plan(), child).then().statusCode(200).body("weight", equalTo(2));
    }

    @Test
    void theParentsUnitMayLetAChildOfAnotherUnitGoToThePlansTopLevel() {
        Fixture f = fixture();
        String child = createMeasure(f.plan(), "{\"code\":\"1.1\",\"title\":\"Del\",\"responsibleUnit\":\"" + HSF
                + "\",\"parentId\":\"" + f.hr() + "\",\"weight\":9}");
        report(f.plan(), child, "{\"date\":\"2023-04-01\",\"status\":\"IN_PROGRESS\",\"progress\":100}");
        progressIs(f, f.hr(), 100);
        // but not change anything else of it on the way
        planner(HR).header("If-Match", measureEtag(f.plan(), child)).body("{\"parentId\":null,\"title\":\"Bort\"}")
                .patch(MEASURE, f.plan(), child).then().statusCode(403).body("requiredUnit", equalTo(HSF));
        planner(HR).header("If-Match", measureEtag(f.plan(), child)).body("{\"parentId\":null}")
                .patch(MEASURE, f.plan(), child).then().statusCode(200).body("parentId", nullValue())
                .body("title", equalTo("Del")).body("weight", equalTo(9));
        progressIs(f, f.hr(), 20);
        // an absent parentId keeps the parent
        String kept = createMeasure(f.plan(), "{\"code\":\"1.2\",\"title\":\"Del\",\"responsibleUnit\":\"" + HR
                + "\",\"parentId\":\"" + f.hr() + "\"}");
        planner(HR).header("If-Match", measureEtag(f.plan(), kept)).body("{\"title\":\"Kvar\"}")
                .patch(MEASURE, f.plan(), kept).then().statusCode(200).body("parentId", equalTo(f.hr()));
    }

    @Test
    void lettingAChildGoToTheTopLevelOfAnotherUnitsPlanNeedsThePlansUnit() {
        String plan = Plans.createPlan();
        admin().header("If-Match", "\"0\"").body("{\"ownerUnit\":\"Regionkontoret\"}").patch("/api/v1/plans/{id}", plan)
                .then().statusCode(200);
        String parent = createMeasure(plan, "1", HR);
        String child = createMeasure(plan, "{\"code\":\"1.1\",\"title\":\"Del\",\"responsibleUnit\":\"" + HSF
                + "\",\"parentId\":\"" + parent + "\"}");
        planner(HR).header("If-Match", measureEtag(plan, child)).body("{\"parentId\":null}")
                .patch(MEASURE, plan, child).then().statusCode(403).body("requiredUnit", equalTo("Regionkontoret"));
        // and moving one's own measure between one's own measures needs no one else
        String second = createMeasure(plan, "{\"code\":\"1.2\",\"title\":\"Del\",\"responsibleUnit\":\"" + HR
                + "\",\"parentId\":\"" + parent + "\"}");
        String target = createMeasure(plan, "{\"code\":\"1.3\",\"title\":\"Del\",\"responsibleUnit\":\"" + HR
                + "\",\"parentId\":\"" + parent + "\"}");
        planner(HR).header("If-Match", measureEtag(plan, second)).body("{\"parentId\":\"" + target + "\",\"weight\":4}")
                .patch(MEASURE, plan, second).then().statusCode(200).body("parentId", equalTo(target));
    }

    @Test
    void updatesAndCollaborationsOnAnotherUnitsMeasureOrPlanAreRefused() {
        Fixture f = fixture();
        planner(HSF).body("{\"date\":\"2023-08-01\",\"status\":\"DONE\",\"progress\":100}")
                .post(MEASURE + "/updates", f.plan(), f.hr()).then().statusCode(403)
                .body("type", endsWith("not-your-unit"));
        planner(HSF).body("{\"date\":\"2023-08-01\",\"parties\":[\"Vision\"],\"form\":\"DIALOGUE\"}")
                .post(MEASURE + "/collaborations", f.plan(), f.hr()).then().statusCode(403);
        planner(HSF).body("{\"date\":\"2023-08-01\",\"parties\":[\"Vision\"],\"form\":\"DIALOGUE\"}")
                .post("/api/v1/plans/{id}/collaborations", f.plan()).then().statusCode(403)
                .body("requiredUnit", equalTo(HR));
        planner(HSF).header("If-Match", "\"0\"").body("{\"description\":\"x\"}").patch("/api/v1/plans/{id}", f.plan())
                .then().statusCode(403);
        planner(HR).header("If-Match", "\"0\"").body("{\"ownerUnit\":\"" + HSF + "\"}").patch("/api/v1/plans/{id}", f.plan())
                .then().statusCode(403).body("requiredUnit", equalTo(HSF));
        planner(HSF).body("{\"title\":\"Annans plan\",\"ownerUnit\":\"" + HR + "\"}").post("/api/v1/plans")
                .then().statusCode(403);
        progressIs(f, f.hr(), 20);
        reader().get("/api/v1/plans/{id}/status", f.plan()).then().statusCode(200).body("overallProgress", equalTo(10));
    }
}
