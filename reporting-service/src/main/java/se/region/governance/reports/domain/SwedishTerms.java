package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report names codes of the contract in Swedish. */
public final class SwedishTerms {

    private static final Locale SV = Locale.forLanguageTag("sv-SE");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private SwedishTerms() {
    }

    public static String measureStatus(String status) {
        if (status == null) {
            return "okänd";
        }
        return switch (status) {
            case "PLANNED" -> "planerad";
            case "IN_PROGRESS" -> "pågår";
            case "BLOCKED" -> "hindrad";
            case "DONE" -> "genomförd";
            case "CANCELLED" -> "avbruten";
            default -> status.toLowerCase(SV);
        };
    }

    public static String documentStatus(String status) {
        if (status == null) {
            return "okänd";
        }
        return switch (status) {
            case "DRAFT" -> "under framtagande";
            case "IN_CONSULTATION" -> "på remiss";
            case "ADOPTED" -> "fastställd";
            case "UNDER_REVIEW" -> "under översyn";
            case "REPEALED" -> "upphävd";
            case "REPLACED" -> "ersatt";
            default -> status.toLowerCase(SV);
        };
    }

    public static String body(JsonNode decision) {
        String body = decision.path("body").asText("");
        return switch (body) {
            case "REGIONFULLMAKTIGE" -> "regionfullmäktige";
            case "REGIONSTYRELSEN" -> "regionstyrelsen";
            case "COMMITTEE" -> decision.path("committee").asText("").isBlank() ? "nämnd"
                    : decision.path("committee").asText().toLowerCase(SV);
            case "REGIONAL_DIRECTOR" -> "regiondirektören";
            case "DEPARTMENT" -> "förvaltningen";
            default -> body.toLowerCase(SV);
        };
    }

    /** "RS342/2022, regionfullmäktige 2023-06-21 § 72" (parts that are missing are left out). */
    public static String decisionReference(String diaryNumber, JsonNode decision) {
        StringBuilder b = new StringBuilder(diaryNumber == null ? "" : diaryNumber);
        if (decision != null && decision.isObject()) {
            String said = (body(decision) + " " + decision.path("date").asText("") + " "
                    + decision.path("paragraph").asText("")).trim();
            said = said.contains("  ") ? SPACES.matcher(said).replaceAll(" ") : said;
            if (!said.isEmpty()) {
                b.append(b.length() > 0 ? ", " : "").append(said);
            }
        }
        return b.toString();
    }

    /** "augusti 2023". */
    public static String monthYear(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("LLLL yyyy", SV));
    }
}
