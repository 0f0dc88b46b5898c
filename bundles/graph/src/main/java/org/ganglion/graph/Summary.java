package org.ganglion.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keras-style model summaries (the classic tf.keras table: 65 columns for stacks, 98 with a
 * "Connected to" column for functional models). Columns widen instead of truncating when a name
 * does not fit, so nothing is ever cut off.
 */
final class Summary {
    private static final int[] STACK_WIDTHS = {29, 26, 10};
    private static final int[] GRAPH_WIDTHS = {32, 21, 12, 33};

    private Summary() {}

    static String of(Module model) {
        if (!model.isBuilt())
            throw new IllegalStateException(model.describe() + " is not built yet, so its shapes and parameters are unknown: give it an input shape "
                    + "(new Sequential(new int[] {784}, ...) or an Input first) or call it on a batch before summary()");
        List<List<String>> rows = new ArrayList<>();
        boolean graph = model instanceof Model;
        if (graph) graphRows((Model) model, rows);
        else if (model.children().isEmpty()) rows.add(List.of(label(model), shape(model.outputShape()), Long.toString(weights(model))));
        else model.children().forEach((name, c) -> rows.add(List.of(name + " (" + className(c) + ")", shape(c.outputShape()), Long.toString(weights(c)))));
        String[] header = graph ? new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"} : new String[] {"Layer (type)", "Output Shape", "Param #"};
        int[] widths = (graph ? GRAPH_WIDTHS : STACK_WIDTHS).clone();
        for (List<String> row : rows)
            for (int i = 0; i < row.size(); i++) widths[Math.min(i, widths.length - 1)] = Math.max(widths[Math.min(i, widths.length - 1)], row.get(i).length() + 1);
        int lineLength = Arrays.stream(widths).sum();
        String rule = "_".repeat(lineLength) + "\n", doubleRule = "=".repeat(lineLength) + "\n";

        long total = weights(model), trainable = model.countTrainableParameters();
        StringBuilder sb = new StringBuilder("Model: \"" + displayName(model) + "\"\n").append(rule);
        line(sb, widths, Arrays.asList(header));
        sb.append(doubleRule);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            line(sb, widths, row.subList(0, Math.min(row.size(), widths.length)));
            for (int extra = widths.length; extra < row.size(); extra++) {     // further connections, one per line, Keras style
                List<String> cont = new ArrayList<>(java.util.Collections.nCopies(widths.length - 1, ""));
                cont.add(row.get(extra));
                line(sb, widths, cont);
            }
            sb.append(r == rows.size() - 1 ? doubleRule : rule);
        }
        sb.append(String.format(Locale.ROOT, "Total params: %,d%nTrainable params: %,d%nNon-trainable params: %,d%n", total, trainable, total - trainable));
        return sb.append(rule).toString();
    }

    /** One row per input and per layer; "Connected to" lists every node the layer reads, one per line. */
    private static void graphRows(Model model, List<List<String>> rows) {
        for (int i = 0; i < model.inputs().size(); i++)
            rows.add(List.of(model.inputNames().get(i) + " (InputLayer)", "[" + shape(model.inputs().get(i).shape()) + "]", "0", ""));
        Map<Module, List<String>> connections = new IdentityHashMap<>();
        for (Node n : model.nodes())
            for (Node in : n.inputs()) connections.computeIfAbsent(n.module(), k -> new ArrayList<>()).add(kerasRef(model.id(in)));
        for (Module layer : model.layers()) {
            List<String> row = new ArrayList<>(List.of(layer.name() + " (" + className(layer) + ")", shape(layer.outputShape()), Long.toString(weights(layer))));
            row.addAll(connections.get(layer));
            rows.add(row);
        }
    }

    /** {@code dense_1@2} → {@code dense_1[2][0]}: layer, application, output index. */
    private static String kerasRef(String id) {
        int at = id.indexOf('@');
        return at < 0 ? id + "[0][0]" : id.substring(0, at) + "[" + id.substring(at + 1) + "][0]";
    }

    private static void line(StringBuilder sb, int[] widths, List<String> cells) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) l.append(cells.get(i)).append(" ".repeat(Math.max(1, widths[i] - cells.get(i).length())));
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** Parameters plus floating-point buffers (Keras counts moving statistics as non-trainable weights). */
    private static long weights(Module m) {
        return m.countParameters() + m.namedBuffers().values().stream().filter(t -> t.dtype().isFloating()).mapToLong(t -> t.numel()).sum();
    }

    private static String displayName(Module m) {
        return m.name() != null ? m.name() : m.typeName() != null ? m.typeName() : className(m).toLowerCase(Locale.ROOT);
    }

    private static String label(Module m) { return displayName(m) + " (" + className(m) + ")"; }

    private static String className(Module m) {
        String s = m.getClass().getSimpleName();
        return !s.isEmpty() ? s : m.typeName() != null ? m.typeName() : "Module";
    }

    static String shape(int[] sampleShape) {
        if (sampleShape == null) return "?";
        String dims = Arrays.stream(sampleShape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return sampleShape.length == 0 ? "(None,)" : "(None, " + dims + ")";
    }
}
