package se.region.governance.reports.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import se.region.governance.reports.domain.ReportStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A report as the API answers it (design.md: id … contentHash, sections [{key,title,body,items}]).
 * {@code sectionsJson} is the stored UTF-8 JSON of the sections; {@code sections} its parsed form, null in the
 * light view that only writes JSON (a large plan's sections are megabytes: parsed only when needed).
 */
@JsonPropertyOrder({"id", "planId", "title", "periodFrom", "periodTo", "asOf", "status", "compiledBy", "compiledAt",
        "contentHash", "finalizedAt", "preface", "conclusion", "sections"})
public record ReportView(UUID id, String planId, String title, LocalDate periodFrom, LocalDate periodTo, LocalDate asOf,
                         ReportStatus status, String compiledBy, OffsetDateTime compiledAt, String contentHash,
                         OffsetDateTime finalizedAt, String preface, String conclusion, JsonNode sections,
                         @JsonIgnore long version, @JsonIgnore byte[] sectionsJson) {

    /** The unit that owns the plan (signs the report, like "HR-avdelningen, augusti 2023"), or null. */
    public String ownerUnit() {
        for (JsonNode i : section("background").path("items")) {
            if ("decision".equals(i.path("kind").asText()) && i.hasNonNull("ownerUnit")) {
                return i.path("ownerUnit").asText();
            }
        }
        return null;
    }

    /** A section by its key, or a missing node. */
    public JsonNode section(String key) {
        for (JsonNode s : sections) {
            if (key.equals(s.path("key").asText())) {
                return s;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
