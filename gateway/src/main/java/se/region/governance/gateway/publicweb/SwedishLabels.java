package se.region.governance.gateway.publicweb;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pages' Swedish words for the codes of the contract (the same words as the reports, see docs/domain.md and
 * the reporting service's SwedishTerms), so a reader never meets a code value.
 */
final class SwedishLabels {

    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    static final Map<String, String> DOCUMENT_TYPES = ordered(
            "POLICY", "policy", "PROGRAM", "program", "PLAN", "plan", "STRATEGY", "strategi",
            "GUIDELINE", "riktlinje", "RULE", "regel, rutin", "DELEGATION_ORDER", "delegationsordning",
            "GOVERNANCE_MODEL", "styrmodell");
    /** The statuses a public document can have (never a draft). */
    static final Map<String, String> DOCUMENT_STATUSES = ordered(
            "IN_CONSULTATION", "på remiss", "ADOPTED", "fastställd", "UNDER_REVIEW", "under översyn",
            "REPEALED", "upphävd", "REPLACED", "ersatt");
    static final Map<String, String> PRINCIPLES = ordered(
            "TRUST", "tillit", "CITIZEN_FOCUS", "medborgarfokus", "HOLISTIC_VIEW", "helhetssyn",
            "DISCRETION", "handlingsutrymme", "SUPPORT", "stöd", "KNOWLEDGE", "kunskap", "OPENNESS", "öppenhet");
    /** In the order the plan's chart shows them. */
    static final Map<String, String> MEASURE_STATUSES = ordered(
            "PLANNED", "planerad", "IN_PROGRESS", "pågår", "BLOCKED", "hindrad", "DONE", "genomförd",
            "CANCELLED", "avbruten");
    private static final Map<String, String> PLAN_STATUSES = ordered(
            "ACTIVE", "pågående", "COMPLETED", "avslutad", "CANCELLED", "avbruten");
    private static final Map<String, String> COLLABORATION_FORMS = ordered(
            "SAMVERKANSGRUPP", "samverkansgrupp", "MBL_NEGOTIATION", "MBL-förhandling", "DIALOGUE", "dialog",
            "WORKSHOP", "workshop", "INFORMATION", "information", "OTHER", "annan form");
    private static final Map<String, String> DECISION_BODIES = ordered(
            "REGIONFULLMAKTIGE", "regionfullmäktige", "REGIONSTYRELSEN", "regionstyrelsen", "COMMITTEE", "nämnd",
            "REGIONAL_DIRECTOR", "regiondirektören", "DEPARTMENT", "förvaltningen");

    private SwedishLabels() {
    }

    static String documentType(String code) {
        return label(DOCUMENT_TYPES, code);
    }

    static String documentStatus(String code) {
        return label(DOCUMENT_STATUSES, code);
    }

    static String principle(String code) {
        return label(PRINCIPLES, code);
    }

    static String measureStatus(String code) {
        return label(MEASURE_STATUSES, code);
    }

    static String planStatus(String code) {
        return label(PLAN_STATUSES, code);
    }

    static String collaborationForm(String code) {
        return label(COLLABORATION_FORMS, code);
    }

    /** A committee's decision names the committee; the other bodies are named by their code's word. */
    static String decisionBody(String code, String committee) {
        if ("COMMITTEE".equals(code) && committee != null && !committee.isBlank()) {
            return committee;
        }
        return label(DECISION_BODIES, code);
    }

    /** An http(s) address to link to, or null: a page never links a script or another scheme. */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
    }

    private static String label(Map<String, String> labels, String code) {
        if (code == null) {
            return "";
        }
        return labels.getOrDefault(code, code.replace('_', ' ').toLowerCase(SV));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
