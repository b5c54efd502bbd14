package se.region.governance.commons.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One changed field in an event's {@code changes} (and an audit line): its previous and current value. */
public record FieldChange(String field, Object previous, Object current) {

    /**
     * The tracked fields whose values differ between two snapshots, in the order of {@code after}. On creation
     * ({@code before} null) these are the fields given a value, neither null nor an empty list, each with
     * previous null.
     */
    public static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            Object old = before == null ? null : before.get(field);
            boolean changed = before == null
                    ? value != null && !(value instanceof List<?> list && list.isEmpty())
                    : !Objects.equals(old, value);
            if (changed) {
                changes.add(new FieldChange(field, old, value));
            }
        });
        return changes;
    }
}
