package se.region.governance.gateway.publicweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's measures by status as horizontal bars of an inline SVG: one row per status (all five, in the
 * order of the work), each bar as long as its share of the largest count, its figure beside it.
 */
public record StatusChart(List<Bar> bars, int total, int height, String description) {

    static final int ROW = 36;
    static final int LABEL_WIDTH = 120;
    static final int BAR_WIDTH = 400;

    /** One status: its Swedish label, count, and the bar's place and length in the SVG. */
    public record Bar(String label, int count, int y, int width, int textX, int textY) {
    }

    static StatusChart of(Map<String, Integer> byStatus) {
        int max = byStatus.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        List<String> said = new ArrayList<>();
        int total = 0;
        int y = 8;
        for (Map.Entry<String, String> status : SwedishLabels.MEASURE_STATUSES.entrySet()) {
            int count = byStatus.getOrDefault(status.getKey(), 0);
            int width = max == 0 ? 0 : Math.max(count == 0 ? 0 : 4, count * BAR_WIDTH / max);
            bars.add(new Bar(status.getValue(), count, y, width, LABEL_WIDTH + width + 8, y + 18));
            said.add(status.getValue() + " " + count);
            total += count;
            y += ROW;
        }
        return new StatusChart(bars, total, y + 4,
                "Antal åtgärder efter status: " + String.join(", ", said) + " (totalt " + total + ").");
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }
}
