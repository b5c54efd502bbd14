package se.region.governance.plans.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;
import se.region.governance.commons.text.HasText;
import se.region.governance.plans.application.Commands;
import se.region.governance.plans.domain.CollaborationForm;
import se.region.governance.plans.domain.DecisionBody;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.PlanStatus;
import se.region.governance.plans.domain.Principle;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Request bodies of the plans API, validated at the edge. Text is stored and returned exactly as sent:
 * nothing is trimmed. Identifier-like fields (units, measure codes, a decision's paragraph and diary
 * number), which are compared and looked up, refuse leading and trailing whitespace with a 400
 * instead, so that "HR " and "HR" can never be two units. Lists that are sets (principles, linked
 * documents) refuse duplicates rather than dropping them.
 */
public final class Requests {

    /**
     * Not empty, no whitespace (space, tab, LF, VT, FF, CR) at either end. Written without {@code \s},
     * which means more in ECMA-262 than in Java, so that OpenAPI clients read it as the server does.
     */
    static final String NO_EDGE_SPACE = "^[^\\t\\n\\x0B\\f\\r ]([\\s\\S]*[^\\t\\n\\x0B\\f\\r ])?$";
    static final String NO_EDGE_SPACE_MESSAGE = "must not be empty or begin or end with whitespace";

    private Requests() {
    }

    public record DecisionJson(@NotNull DecisionBody body, @NotNull LocalDate date,
                               @Size(max = 40) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                               String paragraph,
                               @Size(max = 40) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                               String diaryNumber) {
        Commands.DecisionData toData() {
            return new Commands.DecisionData(body, date, paragraph, diaryNumber);
        }
    }

    public record PlanJson(@NotNull @HasText @Schema(pattern = HasText.PATTERN) @Size(max = 300) String title,
                           @Size(max = 10000) String description,
                           @NotNull @HasText @Size(max = 200) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                           String ownerUnit,
                           @Valid DecisionJson decision, LocalDate periodFrom, LocalDate periodTo, PlanStatus status) {
        Commands.PlanData toData() {
            return new Commands.PlanData(title, description, ownerUnit,
                    decision == null ? null : decision.toData(), periodFrom, periodTo, status);
        }
    }

    public record PlanPatchJson(@Size(min = 1, max = 300) @HasText @Schema(pattern = HasText.PATTERN)
                                String title,
                                @Size(max = 10000) String description,
                                @Size(min = 1, max = 200) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                                String ownerUnit,
                                @Valid DecisionJson decision, LocalDate periodFrom, LocalDate periodTo,
                                PlanStatus status) {
        Commands.PlanData toData() {
            return new Commands.PlanData(title, description, ownerUnit,
                    decision == null ? null : decision.toData(), periodFrom, periodTo, status);
        }
    }

    public record MeasureJson(@NotNull @HasText @Size(max = 20) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                              String code,
                              @NotNull @HasText @Schema(pattern = HasText.PATTERN) @Size(max = 300) String title,
                              @Size(max = 10000) String description,
                              @NotNull @HasText @Size(max = 200) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                              String responsibleUnit,
                              @Size(max = 200) String responsiblePerson, MeasureStatus status,
                              @Min(0) @Max(100) Integer progress, @Min(0) @Max(1000) Integer weight,
                              LocalDate startDate, LocalDate dueDate,
                              @Size(max = 7) @UniqueElements List<@NotNull Principle> principles,
                              @Size(max = 100) @UniqueElements List<@NotNull UUID> documentIds, UUID parentId) {
        Commands.MeasureData toData() {
            return new Commands.MeasureData(code, title, description, responsibleUnit, responsiblePerson, status,
                    progress, weight, startDate, dueDate, principles, documentIds, parentId, false);
        }
    }

    /**
     * PATCH: only what is present changes. Status and progress are refused here (they change through
     * updates). {@code parentId}: absent keeps the parent, {@code null} moves the measure to the plan's
     * top level (JSON merge patch), a measure's id moves it under that measure.
     */
    public record MeasurePatchJson(@Size(min = 1, max = 20) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                                   String code,
                                   @Size(min = 1, max = 300) @HasText @Schema(pattern = HasText.PATTERN)
                                   String title,
                                   @Size(max = 10000) String description,
                                   @Size(min = 1, max = 200) @Pattern(regexp = NO_EDGE_SPACE, message = NO_EDGE_SPACE_MESSAGE)
                                   String responsibleUnit,
                                   @Size(max = 200) String responsiblePerson, MeasureStatus status,
                                   @Min(0) @Max(100) Integer progress, @Min(0) @Max(1000) Integer weight,
                                   LocalDate startDate, LocalDate dueDate,
                                   @Size(max = 7) @UniqueElements List<@NotNull Principle> principles,
                                   @Size(max = 100) @UniqueElements List<@NotNull UUID> documentIds,
                                   @JsonDeserialize(using = AbsentOrNull.class) Optional<UUID> parentId) {
        Commands.MeasureData toData() {
            return new Commands.MeasureData(code, title, description, responsibleUnit, responsiblePerson, status,
                    progress, weight, startDate, dueDate, principles, documentIds,
                    parentId == null ? null : parentId.orElse(null), parentId != null && parentId.isEmpty());
        }
    }

    /** {@code author}: absent or null is the caller's name from the token; a blank one is refused. */
    public record UpdateJson(@NotNull LocalDate date,
                             @Size(max = 200) @HasText @Schema(pattern = HasText.PATTERN) String author,
                             MeasureStatus status,
                             @Min(0) @Max(100) Integer progress, @Size(max = 20000) String text,
                             @Size(max = 10000) String obstacles, @Size(max = 10000) String nextSteps,
                             Boolean example) {
        Commands.UpdateData toData() {
            return new Commands.UpdateData(date, author, status, progress, text, obstacles, nextSteps,
                    Boolean.TRUE.equals(example));
        }
    }

    public record CollaborationJson(@NotNull LocalDate date,
                                    @NotEmpty @Size(max = 100) List<@NotNull @HasText @Size(max = 200) String> parties,
                                    @NotNull CollaborationForm form, @Size(max = 10000) String outcome) {
        Commands.CollaborationData toData() {
            return new Commands.CollaborationData(date, parties, form, outcome);
        }
    }

    /**
     * Tells an absent member (Java {@code null}) from an explicit JSON {@code null} ({@code Optional.empty()}),
     * which records cannot otherwise.
     */
    static final class AbsentOrNull extends StdDeserializer<Optional<UUID>> {

        AbsentOrNull() {
            super(Optional.class);
        }

        @Override
        public Optional<UUID> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Optional.of(ctxt.readValue(p, UUID.class));
        }

        @Override
        public Optional<UUID> getNullValue(DeserializationContext ctxt) {
            return Optional.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}
