package se.region.governance.docs.api;

import se.region.governance.commons.text.HasText;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.region.governance.docs.application.Commands;
import se.region.governance.docs.domain.DecisionBody;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;
import se.region.governance.docs.domain.RelationKind;
import se.region.governance.docs.domain.ResponsePosition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the documents API, validated at the edge. Text is stored as sent: nothing is
 * trimmed. Identifiers (diary number, file URL) refuse whitespace by their pattern; free text (title,
 * summary, names, committee, paragraph, passages, reasons) keeps its leading and trailing whitespace.
 * Characters that no part of the set can store (U+0000, other C0 controls but TAB/LF/CR,
 * noncharacters, lone surrogates) are refused for every field by the shared JSON check of commons.
 */
public final class Requests {

    /**
     * Patterns mean the same in Java and in ECMA-262 (what OpenAPI validators and generated clients
     * use): anchored, since a JSON Schema pattern is searched for while bean validation matches the
     * whole value, and without classes such as {@code \p{L}}, {@code \d} or {@code \s} whose meaning
     * differs. A diary number's letters are the Swedish alphabet's (A-Z, Å, Ä, Ö, and É and Ü, which
     * Swedish names use), in either case; it has no whitespace.
     */
    static final String DIARY_NUMBER = "^[A-Za-z0-9ÅÄÖåäöÉéÜü/-]{3,40}$";
    static final String DIARY_NUMBER_MESSAGE = "must be 3-40 letters (A-Z, Å, Ä, Ö, É, Ü), digits, '/' or '-'";
    /** http(s), then no space or control character. */
    static final String URL = "^https?://[^\\u0000-\\u0020\\u007F]+$";
    /** Business dates say when something happened; "today" is the region's (commons RegionTime, Europe/Stockholm by default). */
    static final String NOT_IN_FUTURE = "must not be in the future";
    static final String DRAFTING_SINCE = "When work on the document began (e.g. a plan being drafted); optional, not in"
            + " the future. Reports as of a date count a draft from it (or from its decision date) instead of from its"
            + " registration.";

    private Requests() {
    }

    public record DecisionBodyJson(@NotNull DecisionBody body, @Size(max = 200) String committee, @NotNull LocalDate date,
                                   @Size(max = 40) String paragraph) {
        @JsonIgnore
        @AssertTrue(message = "a committee decision names the committee")
        public boolean isCommitteeNamed() {
            return body != DecisionBody.COMMITTEE || (committee != null && !committee.isBlank());
        }

        Commands.DecisionData toData() {
            return new Commands.DecisionData(body, committee, date, paragraph);
        }
    }

    public record PrincipleJson(@NotNull Principle principle, @Size(max = 4000) String passage) {
    }

    public record RelationJson(@NotNull RelationKind kind, @NotNull UUID documentId) {
    }

    /** POST and PUT: the whole document. */
    public record DocumentJson(
            @NotNull @Pattern(regexp = DIARY_NUMBER, message = DIARY_NUMBER_MESSAGE) String diaryNumber,
            @NotNull @HasText @Schema(pattern = HasText.PATTERN) @Size(max = 300) String title,
            @NotNull DocumentType type,
            Boolean political,
            @Size(max = 200) String ownerUnit,
            @Size(max = 200) String responsible,
            @Size(max = 10000) String summary,
            @Valid DecisionBodyJson decision,
            @Size(max = 7) List<@Valid @NotNull PrincipleJson> principles,
            LocalDate reviewDue,
            @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL") String fileUrl,
            @Size(max = 100) List<@Valid @NotNull RelationJson> relations,
            @Schema(description = DRAFTING_SINCE) @PastOrPresent(message = NOT_IN_FUTURE) LocalDate draftingSince) {

        @JsonIgnore
        @AssertTrue(message = "each principle at most once")
        public boolean isPrinciplesDistinct() {
            return principles == null || principles.stream().map(PrincipleJson::principle).distinct().count() == principles.size();
        }

        Commands.DocumentData toData() {
            return toPatchData(true, true);
        }

        Commands.DocumentData toPatchData(boolean withDiaryNumber, boolean withTitle) {
            return new Commands.DocumentData(withDiaryNumber ? diaryNumber : null, withTitle ? title : null,
                    type, political, ownerUnit, responsible, summary, decision == null ? null : decision.toData(),
                    principles == null ? null : principles.stream()
                            .map(p -> new Commands.PrincipleData(p.principle(), p.passage())).toList(),
                    reviewDue, fileUrl,
                    relations == null ? null : relations.stream()
                            .map(r -> new Commands.RelationData(r.kind(), r.documentId())).toList(),
                    draftingSince);
        }
    }

    /** PATCH: only what is present changes. */
    public record DocumentPatchJson(
            @Pattern(regexp = DIARY_NUMBER, message = DIARY_NUMBER_MESSAGE) String diaryNumber,
            @HasText @Schema(pattern = HasText.PATTERN) @Size(max = 300) String title,
            DocumentType type,
            Boolean political,
            @Size(max = 200) String ownerUnit,
            @Size(max = 200) String responsible,
            @Size(max = 10000) String summary,
            @Valid DecisionBodyJson decision,
            @Size(max = 7) List<@Valid @NotNull PrincipleJson> principles,
            LocalDate reviewDue,
            @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL") String fileUrl,
            @Size(max = 100) List<@Valid @NotNull RelationJson> relations,
            @Schema(description = DRAFTING_SINCE) @PastOrPresent(message = NOT_IN_FUTURE) LocalDate draftingSince) {

        @JsonIgnore
        @AssertTrue(message = "each principle at most once")
        public boolean isPrinciplesDistinct() {
            return principles == null || principles.stream().map(PrincipleJson::principle).distinct().count() == principles.size();
        }

        Commands.DocumentData toData() {
            return new DocumentJson(diaryNumber == null ? "" : diaryNumber, title == null ? "" : title, type, political,
                    ownerUnit, responsible, summary, decision, principles, reviewDue, fileUrl, relations,
                    draftingSince).toPatchData(
                    diaryNumber != null, title != null);
        }
    }

    public record ConsultationJson(@NotEmpty @Size(max = 100) List<@NotNull @HasText @Size(max = 200) String> recipients,
                                   @NotNull LocalDate deadline, @Size(max = 4000) String description) {
    }

    public record ResponseJson(@NotNull @HasText @Schema(pattern = HasText.PATTERN) @Size(max = 200) String respondent, @NotNull LocalDate receivedOn,
                               @NotNull ResponsePosition position, @Size(max = 10000) String summary) {
    }

    public record AdoptionJson(@NotNull @Valid DecisionBodyJson decision,
                               @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL") String fileUrl,
                               LocalDate validFrom, LocalDate reviewDue) {
    }

    public record ReviewJson(@Size(max = 4000) String reason,
                             @Schema(description = "The day the review was decided or began; optional, defaults to today"
                                     + " in the region's time zone (Europe/Stockholm by default), not in the future, nor before the decision of the version in force."
                                     + " Carried in the review-started event"
                                     + " as startedOn.")
                             @PastOrPresent(message = NOT_IN_FUTURE) LocalDate startedOn) {

        Commands.StartReview toCommand() {
            return new Commands.StartReview(reason, startedOn);
        }
    }

    public record RepealJson(@Valid DecisionBodyJson decision, @Size(max = 4000) String reason) {
    }
}
