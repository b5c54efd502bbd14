package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The report's Swedish words for the codes of the contract: every label the report shows comes from here, so a reader
 * never meets a code value (a collaboration held as a dialogue reads "dialog", not {@code DIALOGUE}).
 */
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

    /** Where a document stands in the report's documents section (the compiler's categories). */
    public static String documentCategory(String category) {
        return switch (category) {
            case "ADOPTED" -> "Fastställda under perioden";
            case "IN_CONSULTATION" -> "På remiss";
            case "UNDER_REVIEW" -> "Under översyn";
            case "DRAFTING" -> "Under framtagande";
            case "ENDED" -> "Upphävda eller ersatta under perioden";
            default -> category;
        };
    }

    /** The form of a collaboration (samverkan). */
    public static String collaborationForm(String form) {
        if (form == null) {
            return "";
        }
        return switch (form) {
            case "SAMVERKANSGRUPP" -> "samverkansgrupp";
            case "MBL_NEGOTIATION" -> "MBL-förhandling";
            case "DIALOGUE" -> "dialog";
            case "WORKSHOP" -> "workshop";
            case "INFORMATION" -> "information";
            case "OTHER" -> "annan form";
            default -> form.toLowerCase(SV);
        };
    }

    public static String principle(Principle p) {
        return switch (p) {
            case TRUST -> "tillit";
            case CITIZEN_FOCUS -> "medborgarfokus";
            case HOLISTIC_VIEW -> "helhetssyn";
            case DISCRETION -> "handlingsutrymme";
            case SUPPORT -> "stöd";
            case KNOWLEDGE -> "kunskap";
            case OPENNESS -> "öppenhet";
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
