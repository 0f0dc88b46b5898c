package org.ganglion.data.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ganglion.data.CsvTable;
import org.ganglion.data.DataFormatException;
import org.ganglion.data.MissingStrategy;

/**
 * Turns one CSV column's cells into values, filling missing cells by a {@link MissingStrategy}.
 * Statistics (mean, median, mode) come from the present cells of the rows that were kept.
 */
public final class Imputation {
    private Imputation() {}

    /** The finished column and, when cells were missing, what was done ("filled with mean 41.5"). */
    public record Result(CsvTable.Column column, String action) {}

    public static Result numeric(String source, String name, String[] cells, boolean[] miss, MissingStrategy s, String constant) {
        int n = cells.length;
        double[] v = new double[n];
        List<Double> present = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!miss[i]) present.add(v[i] = Double.parseDouble(cells[i]));
        String action = null;
        if (anyMissing(miss)) {
            double fill;
            switch (s) {
                case FILL_MEAN -> {
                    fill = present.stream().mapToDouble(Double::doubleValue).average().orElseThrow(() -> noValues(source, name, "a mean"));
                    action = "filled with mean " + fill;
                }
                case FILL_MEDIAN -> {
                    fill = median(present, source, name);
                    action = "filled with median " + fill;
                }
                case FILL_MOST_FREQUENT -> {
                    fill = mode(present, source, name);
                    action = "filled with most frequent " + fill;
                }
                case FILL_CONSTANT -> {
                    fill = parseConstant(source, name, constant);
                    action = "filled with constant " + fill;
                }
                default -> { return new Result(new CsvTable.Column(name, CsvTable.Kind.NUMERIC, v, List.of()), null); }
            }
            for (int i = 0; i < n; i++) if (miss[i]) v[i] = fill;
        }
        return new Result(new CsvTable.Column(name, CsvTable.Kind.NUMERIC, v, List.of()), action);
    }

    public static Result categorical(String source, String name, String[] cells, boolean[] miss, MissingStrategy s, String constant) {
        int n = cells.length;
        String fill = null, action = null;
        if (anyMissing(miss)) {
            switch (s) {
                case FILL_CONSTANT -> {
                    if (constant == null) throw new IllegalArgumentException(source + ": column " + name + " uses FILL_CONSTANT but CsvOptions.fillConstant was not set");
                    fill = constant;
                    action = "filled with constant '" + fill + "'";
                }
                case FILL_MEAN, FILL_MEDIAN, FILL_MOST_FREQUENT -> {
                    fill = modeOf(cells, miss, source, name);
                    action = "filled with most frequent '" + fill + "'"
                            + (s == MissingStrategy.FILL_MOST_FREQUENT ? "" : " (" + (s == MissingStrategy.FILL_MEAN ? "a mean" : "a median")
                                    + " does not apply to a categorical column)");
                }
                default -> { }
            }
        }
        TreeSet<String> vocab = new TreeSet<>();
        for (int i = 0; i < n; i++) if (!miss[i]) vocab.add(cells[i]);
        if (fill != null) vocab.add(fill);
        List<String> words = new ArrayList<>(vocab);
        Map<String, Integer> code = new HashMap<>();
        for (int k = 0; k < words.size(); k++) code.put(words.get(k), k);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = code.get(miss[i] ? fill : cells[i]);
        return new Result(new CsvTable.Column(name, CsvTable.Kind.CATEGORICAL, v, words), action);
    }

    private static boolean anyMissing(boolean[] miss) {
        for (boolean b : miss) if (b) return true;
        return false;
    }

    private static double median(List<Double> present, String source, String name) {
        if (present.isEmpty()) throw noValues(source, name, "a median");
        double[] s = present.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** The most frequent value; ties go to the smallest. */
    private static double mode(List<Double> present, String source, String name) {
        if (present.isEmpty()) throw noValues(source, name, "a most frequent value");
        double[] s = present.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double best = s[0];
        int bestRun = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j < s.length && s[j] == s[i]) j++;
            if (j - i > bestRun) {
                bestRun = j - i;
                best = s[i];
            }
            i = j;
        }
        return best;
    }

    private static String modeOf(String[] cells, boolean[] miss, String source, String name) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < cells.length; i++) if (!miss[i]) counts.merge(cells[i], 1, Integer::sum);
        if (counts.isEmpty()) throw noValues(source, name, "a most frequent value");
        String[] keys = counts.keySet().toArray(String[]::new);
        Arrays.sort(keys);
        String best = keys[0];
        for (String k : keys) if (counts.get(k) > counts.get(best)) best = k;
        return best;
    }

    private static double parseConstant(String source, String name, String constant) {
        if (constant == null) throw new IllegalArgumentException(source + ": column " + name + " uses FILL_CONSTANT but CsvOptions.fillConstant was not set");
        try {
            return Double.parseDouble(constant.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": fill constant '" + constant + "' is not a number, but column " + name + " is numeric", e);
        }
    }

    private static DataFormatException noValues(String source, String name, String what) {
        return new DataFormatException(source, "column " + name + " has no present values to compute " + what + " from");
    }
}
