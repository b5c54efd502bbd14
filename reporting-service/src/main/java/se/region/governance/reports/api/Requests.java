package se.region.governance.reports.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.region.governance.commons.text.HasText;
import se.region.governance.reports.application.CompileCommand;

import java.time.LocalDate;

/** Request bodies of the reports API, validated at the edge. */
public final class Requests {

    private Requests() {
    }

    /**
     * POST /api/v1/reports. {@code asOf} defaults to {@code periodTo}; an absent {@code compiledBy} to the caller's name.
     * The text is kept exactly as sent (no trimming): what a client reads back is what it wrote.
     */
    public record CompileJson(@NotBlank @Size(max = 100) String planId,
                              @NotNull LocalDate periodFrom,
                              @NotNull LocalDate periodTo,
                              LocalDate asOf,
                              @NotBlank @Size(max = 300) String title,
                              @Size(max = 200) @HasText @Schema(pattern = HasText.PATTERN) String compiledBy) {
        CompileCommand toCommand(String callerName) {
            return new CompileCommand(planId, periodFrom, periodTo, asOf, title, compiledBy == null ? callerName : compiledBy);
        }
    }

    /** PATCH /api/v1/reports/{id}: the free-text blocks; absent fields are kept, "" clears one. */
    public record TextJson(@Size(max = 20000) String preface, @Size(max = 20000) String conclusion) {
    }
}
