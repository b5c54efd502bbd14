package se.region.governance.docs.domain;

import se.region.governance.commons.problem.DomainException;

import java.util.Map;

/** A lifecycle step the current status does not allow: names the current status and the allowed next ones. */
public class InvalidTransition extends DomainException {

    public InvalidTransition(DocumentStatus current, DocumentStatus wanted) {
        super(Kind.CONFLICT, "invalid-transition", "Invalid lifecycle transition",
                "A document in status " + current + " cannot become " + wanted
                        + (current.allowedNext().isEmpty() ? " (no further transitions)" : "; allowed: " + current.allowedNext()),
                Map.of("currentStatus", current.name(), "requestedStatus", wanted.name(),
                        "allowed", current.allowedNext().stream().map(Enum::name).sorted().toList()));
    }
}
