package se.region.governance.reports.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The action plan of 2022-08-17 § 183 and the governing documents of domain.md, as the events the
 * documents and plans services publish (docs/events.md), registered "today" with back-dated business
 * dates, like the seed: the delegation order's review decided 2022-08-17 ({@code startedOn}), Regionplan
 * 2024 drafted since 2023-05-01 ({@code draftingSince}); one draft without a start date, which counts
 * from its registration. Fresh ids per instance, so test runs never collide on the shared topics.
 */
public final class Section183 {

    public static final ObjectMapper JSON = new ObjectMapper();

    public final String planId = UUID.randomUUID().toString();
    public final String[] measureIds = {uuid(), uuid(), uuid(), uuid()};
    public final String styrmodell = uuid();
    public final String personalpolicy = uuid();
    public final String delegationsordning = uuid();
    public final String regionplan = uuid();
    public final String undatedDraft = uuid();
    public final String suffix = planId.substring(0, 8);
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    private int tick;

    /** One event: its topic, key, id, type and CloudEvents JSON. */
    public record Event(String topic, String key, String id, String type, OffsetDateTime time, ObjectNode data, String json) {
    }

    public List<Event> documentEvents() {
        List<Event> e = new ArrayList<>();
        ObjectNode modell = document(styrmodell, "RS342/2022-" + suffix, "Styrmodell för Region Jämtland Härjedalen",
                "GOVERNANCE_MODEL", "DRAFT", null, "TRUST", "HOLISTIC_VIEW", "DISCRETION");
        e.add(doc("governance.document.created", styrmodell, data("document", modell)));
        ObjectNode adopted = modell.deepCopy().put("status", "ADOPTED").put("currentVersion", 1);
        adopted.set("decision", decision("REGIONFULLMAKTIGE", "2023-06-21", "§ 72"));
        ObjectNode version = JSON.createObjectNode().put("number", 1);
        version.set("decision", decision("REGIONFULLMAKTIGE", "2023-06-21", "§ 72"));
        e.add(doc("governance.document.adopted", styrmodell, data("document", adopted).set("version", version)));

        ObjectNode policy = document(personalpolicy, "UTAN-DNR-1-" + suffix, "Personalpolitisk policy", "POLICY", "DRAFT", null,
                "TRUST", "SUPPORT");
        e.add(doc("governance.document.created", personalpolicy, data("document", policy)));
        ObjectNode consultation = JSON.createObjectNode().put("id", uuid()).put("deadline", "2023-11-30").put("status", "OPEN");
        consultation.putArray("recipients").add("De politiska nämnderna");
        e.add(doc("governance.document.consultation-opened", personalpolicy,
                data("document", policy.deepCopy().put("status", "IN_CONSULTATION")).set("consultation", consultation)));

        ObjectNode delegation = document(delegationsordning, "UTAN-DNR-4-" + suffix, "Regionstyrelsens delegationsordning",
                "DELEGATION_ORDER", "DRAFT", null, "DISCRETION");
        e.add(doc("governance.document.created", delegationsordning, data("document", delegation)));
        ObjectNode delegationAdopted = delegation.deepCopy().put("status", "ADOPTED").put("reviewDue", "2024-06-30");
        delegationAdopted.set("decision", decision("REGIONSTYRELSEN", "2022-01-01", "§ 0"));
        ObjectNode v1 = JSON.createObjectNode().put("number", 1);
        v1.set("decision", decision("REGIONSTYRELSEN", "2022-01-01", "§ 0"));
        e.add(doc("governance.document.adopted", delegationsordning, data("document", delegationAdopted).set("version", v1)));
        e.add(doc("governance.document.review-started", delegationsordning,
                data("document", delegationAdopted.deepCopy().put("status", "UNDER_REVIEW")).put("reason", "§ 183 åtgärd 2")
                        .put("startedOn", "2022-08-17")));

        e.add(doc("governance.document.created", regionplan, data("document", document(regionplan, "UTAN-DNR-2-" + suffix,
                "Regionplan 2024", "PLAN", "DRAFT", null, "TRUST").put("draftingSince", "2023-05-01"))));
        e.add(doc("governance.document.created", undatedDraft, data("document", document(undatedDraft, "UTAN-DNR-9-" + suffix,
                "Riktlinje utan känt startdatum", "GUIDELINE", "DRAFT", null))));
        return e;
    }

    public List<Event> planEvents() {
        List<Event> e = new ArrayList<>();
        ObjectNode plan = JSON.createObjectNode().put("id", planId).put("title", "Tillitsbaserad styrning och ledning på alla nivåer")
                .put("ownerUnit", "HR-avdelningen").put("periodFrom", "2022-08-17").put("status", "ACTIVE");
        plan.set("decision", decision("REGIONSTYRELSEN", "2022-08-17", "§ 183").put("diaryNumber", "1326-2021"));
        e.add(plan("actionplan.plan.created", null, JSON.createObjectNode().put("planId", planId).set("plan", plan)));
        String[][] measures = titles();
        for (int i = 0; i < 4; i++) {
            e.add(plan("actionplan.measure.created", measureIds[i], measureData(i, measures[i], "PLANNED", 0)));
        }
        e.add(update(0, "2023-03-15", "BLOCKED", 20,
                "Chefsutbildning i utvecklande ledarskap (UL) kunde inte genomföras under våren 2023 eftersom utbildarna inte kunde frigöras.",
                "Regionen har bara tre utbildare; två behövs per kurs.", "Återuppta UL-utbildningen under hösten 2023.", true));
        e.add(update(3, "2023-05-10", "IN_PROGRESS", 60,
                "Vid löneöversynen 2023 infördes ”chefens meny” i Heroma så att chefer hanterar mer av det operativa arbetet inom HR:s ramar.",
                null, "Utvärdera löneöversynen.", true));
        e.add(update(0, "2023-10-02", "IN_PROGRESS", 50, "UL-utbildningen återupptogs i oktober.", null, null, false));
        e.add(update(1, "2024-02-01", "DONE", 100, "Delegationsordningen är översedd.", null, null, false));
        ObjectNode collaboration = JSON.createObjectNode().put("id", uuid()).put("planId", planId).put("measureId", measureIds[0])
                .put("date", "2023-04-20").put("form", "samverkansmöte").put("outcome", "Parterna ställer sig bakom planens inriktning.");
        collaboration.putArray("parties").add("Vision").add("Kommunal");
        e.add(plan("actionplan.collaboration.recorded", measureIds[0], JSON.createObjectNode().put("planId", planId)
                .put("measureId", measureIds[0]).set("collaboration", collaboration)));
        return e;
    }

    public List<Event> all() {
        List<Event> all = new ArrayList<>(documentEvents());
        all.addAll(planEvents());
        return all;
    }

    /** A later progress update of measure 3 (index 2), dated {@code date}. */
    public Event lateUpdate(String date, String text) {
        return update(2, date, "IN_PROGRESS", 10, text, null, null, false);
    }

    private ObjectNode measureData(int i, String[] m, String status, int progress) {
        ObjectNode measure = JSON.createObjectNode().put("id", measureIds[i]).put("planId", planId).put("code", m[0])
                .put("title", m[1]).put("responsibleUnit", "HR-avdelningen").put("status", status).put("progress", progress)
                .put("weight", 1).put("startDate", "2022-09-01").put("dueDate", "2023-12-31");
        measure.putArray("principles").add(m[2]);
        measure.putArray("documentIds");
        measure.putNull("parentId");
        return JSON.createObjectNode().put("planId", planId).put("measureId", measureIds[i]).set("measure", measure);
    }

    private Event update(int i, String date, String status, int progress, String text, String obstacles, String next, boolean example) {
        ObjectNode u = JSON.createObjectNode().put("id", uuid()).put("measureId", measureIds[i]).put("date", date)
                .put("author", "Elin Roos Högberg").put("status", status).put("progress", progress).put("text", text)
                .put("obstacles", obstacles).put("nextSteps", next).put("example", example);
        ObjectNode d = measureData(i, titles()[i], status, progress);
        d.set("update", u);
        return plan("actionplan.progress.reported", measureIds[i], d);
    }

    private static String[][] titles() {
        return new String[][]{
                {"1", "Ta fram en plan för hur tillitsbaserad styrning och ledning konkretiseras på alla nivåer, i samverkan med medarbetare och fackliga organisationer", "TRUST"},
                {"2", "Se över regionstyrelsens delegationsordning", "DISCRETION"},
                {"3", "Öka stödet till chefer vid rekrytering", "SUPPORT"},
                {"4", "Se över processen och ansvarsfördelningen för individuell lönesättning", "DISCRETION"}};
    }

    private static ObjectNode document(String id, String dnr, String title, String type, String status, ObjectNode decision,
                                       String... principles) {
        ObjectNode d = JSON.createObjectNode().put("id", id).put("diaryNumber", dnr).put("title", title).put("type", type)
                .put("political", true).put("status", status).put("ownerUnit", "HR-avdelningen");
        d.set("decision", decision);
        ArrayNode p = d.putArray("principles");
        for (String code : principles) {
            p.addObject().put("principle", code).put("passage", "tillit till organisationens medarbetare");
        }
        d.putArray("relations");
        return d;
    }

    private static ObjectNode decision(String body, String date, String paragraph) {
        return JSON.createObjectNode().put("body", body).put("date", date).put("paragraph", paragraph);
    }

    private static ObjectNode data(String field, ObjectNode view) {
        ObjectNode d = JSON.createObjectNode();
        d.set(field, view);
        d.putArray("changes");
        return d;
    }

    private Event doc(String type, String id, ObjectNode data) {
        return event("governance.documents", "/governance-docs-service", type, id, data);
    }

    private Event plan(String type, String measureId, ObjectNode data) {
        return event("actionplan.plans", "/action-plan-service", type, planId, data);
    }

    private Event event(String topic, String source, String type, String subject, ObjectNode data) {
        String id = uuid();
        OffsetDateTime time = now.plus(tick++, ChronoUnit.MILLIS);
        ObjectNode ce = JSON.createObjectNode().put("specversion", "1.0").put("id", id).put("source", source).put("type", type)
                .put("subject", subject).put("time", time.toString()).put("datacontenttype", "application/json");
        ce.set("data", data);
        return new Event(topic, subject, id, type, time, data, ce.toString());
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
