package org.ganglion.data;

import java.util.List;
import java.util.Map;

/**
 * What a {@link CsvReader} found missing and what it did about it.
 *
 * @param rowsRead        data rows in the file (header excluded)
 * @param rowsDropped     rows removed by {@link MissingStrategy#DROP_ROWS}
 * @param missingByColumn missing cells per column, only columns that had any, in column order
 * @param firstLines      up to five file line numbers of missing cells, per column
 * @param actions         per column, what was done: {@code "dropped 3 rows"}, {@code "filled with mean 41.5"} ...
 */
public record MissingReport(int rowsRead, int rowsDropped, Map<String, Integer> missingByColumn,
        Map<String, List<Integer>> firstLines, Map<String, String> actions) {
    public MissingReport {
        missingByColumn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingByColumn));
        firstLines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(firstLines));
        actions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actions));
    }

    /** True when no value was missing. */
    public boolean isEmpty() { return missingByColumn.isEmpty(); }

    /** Missing cells in all columns. */
    public int totalMissing() { return missingByColumn.values().stream().mapToInt(Integer::intValue).sum(); }

    /** One line per column: {@code "age: 3 missing (lines 4, 9, 12) -> filled with mean 41.5"}. */
    public String summary() {
        if (isEmpty()) return "no missing values in " + rowsRead + " rows";
        StringBuilder s = new StringBuilder().append(totalMissing()).append(" missing values in ").append(rowsRead).append(" rows");
        if (rowsDropped > 0) s.append(", ").append(rowsDropped).append(" rows dropped");
        s.append(':');
        for (Map.Entry<String, Integer> e : missingByColumn.entrySet()) {
            s.append("\n  ").append(e.getKey()).append(": ").append(e.getValue()).append(" missing (lines ");
            List<Integer> lines = firstLines.getOrDefault(e.getKey(), List.of());
            s.append(String.join(", ", lines.stream().map(String::valueOf).toList()));
            if (e.getValue() > lines.size()) s.append(", ...");
            s.append(')');
            String a = actions.get(e.getKey());
            if (a != null) s.append(" -> ").append(a);
        }
        return s.toString();
    }

    @Override
    public String toString() { return summary(); }
}
