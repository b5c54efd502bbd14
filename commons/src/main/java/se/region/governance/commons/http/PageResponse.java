package se.region.governance.commons.http;

import java.util.List;
import java.util.function.Function;

/** A page of a list, as every list endpoint answers it: {@code {"items":[...],"page":0,"size":20,"total":N}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> f) {
        return new PageResponse<>(items.stream().map(f).toList(), page, size, total);
    }
}
