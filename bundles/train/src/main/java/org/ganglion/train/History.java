package org.ganglion.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-epoch logs of a fit: {@code loss}, metrics, {@code val_*} counterparts and {@code lr}, in epoch order. */
public final class History {
    private final List<Map<String, Double>> epochs = new ArrayList<>();
    private final List<Integer> epochNumbers = new ArrayList<>();
    private String stopReason;

    void stopped(String reason) { stopReason = reason; }

    /** Why the fit ended early (EarlyStopping, a non-finite loss …), or null when it ran every epoch. */
    public String stopReason() { return stopReason; }

    void add(int epoch, Map<String, Double> logs) {
        epochNumbers.add(epoch);
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
    }

    /** Number of epochs recorded. */
    public int size() { return epochs.size(); }

    /** The logs of the i-th recorded epoch. */
    public Map<String, Double> epoch(int i) { return epochs.get(i); }

    /** The epoch number (0-based) of the i-th record; differs from i when a fit resumed. */
    public int epochNumber(int i) { return epochNumbers.get(i); }

    /** One metric across epochs, e.g. {@code history.get("val_loss")}; empty if never logged. */
    public List<Double> get(String key) {
        List<Double> out = new ArrayList<>();
        for (Map<String, Double> e : epochs) if (e.containsKey(key)) out.add(e.get(key));
        return out;
    }

    /** Every key logged, in first-seen order. */
    public Set<String> keys() {
        Set<String> k = new LinkedHashSet<>();
        epochs.forEach(e -> k.addAll(e.keySet()));
        return k;
    }

    /** The last value of a key, or NaN. */
    public double last(String key) {
        List<Double> v = get(key);
        return v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
    }

    /** CSV with a header row: {@code epoch,loss,accuracy,...}. */
    public String toCsv() {
        List<String> keys = new ArrayList<>(keys());
        StringBuilder sb = new StringBuilder("epoch");
        keys.forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (int i = 0; i < epochs.size(); i++) {
            sb.append(epochNumbers.get(i) + 1);
            for (String k : keys) {
                Double v = epochs.get(i).get(k);
                sb.append(',').append(v == null ? "" : Double.toString(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** JSON: {@code {"loss": [..], "accuracy": [..], ...}}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        for (String k : keys()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append('"').append(k).append("\": [");
            List<Double> v = get(k);
            for (int i = 0; i < v.size(); i++) sb.append(i == 0 ? "" : ", ").append(json(v.get(i)));
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    private static String json(double d) { return Double.isFinite(d) ? Double.toString(d) : "null"; }

    @Override
    public String toString() { return "History" + epochs; }
}
