package se.region.governance.docs.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One changed field: its previous and current value (null on creation). */
public record FieldChange(String field, Object previous, Object current) {

    /** The fields whose values differ between two snapshots of a document. */
    static List<FieldChange> between(DocumentView before, DocumentView after) {
        Map<String, Object> a = before == null ? Map.of() : before.trackedFields();
        Map<String, Object> b = after.trackedFields();
        List<FieldChange> changes = new ArrayList<>();
        b.forEach((field, value) -> {
            Object old = a.get(field);
            if (before == null ? value != null && !(value instanceof List<?> l && l.isEmpty()) : !Objects.equals(old, value)) {
                changes.add(new FieldChange(field, old, value));
            }
        });
        return changes;
    }
}
