package org.ganglion.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns containers into spec bodies (see {@link ModelSpec} for the format). */
final class SpecWriter {
    private SpecWriter() {}

    /** {@code input_shape} (when known) and {@code layers}. */
    static Map<String, Object> body(Sequential s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.isBuilt()) m.put("input_shape", Json.normalize(s.inputShape()));
        m.put("layers", s.layers().stream().map(SpecWriter::layer).toList());
        return m;
    }

    /** {@code inputs}, {@code layers}, {@code nodes} (in dependency order) and {@code outputs}. */
    static Map<String, Object> body(Model g) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> inputs = new ArrayList<>();
        for (int i = 0; i < g.inputs().size(); i++) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", g.inputNames().get(i));
            in.put("shape", Json.normalize(g.inputs().get(i).shape()));
            inputs.add(in);
        }
        m.put("inputs", inputs);
        m.put("layers", g.layers().stream().map(SpecWriter::layer).toList());
        List<Object> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("layer", n.module().name());
            node.put("inputs", n.inputs().stream().map(g::id).toList());
            nodes.add(node);
        }
        m.put("nodes", nodes);
        m.put("outputs", g.outputs().stream().map(g::id).toList());
        return m;
    }

    /** {@code type}, {@code name}, {@code config}, and {@code trainable: false} for a layer whose parameters are all frozen. */
    static Map<String, Object> layer(Module layer) {
        String where = "layer '" + layer.name() + "' (" + layer.getClass().getName() + ")";
        if (layer.typeName() == null)
            throw new IllegalArgumentException("cannot write a model spec: " + where + " has no typeName(); a layer in a spec must come from a "
                    + "registered LayerFactory, and its typeName() must return that factory's name");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", layer.typeName());
        m.put("name", layer.name());
        try {
            m.put("config", Json.normalize(layer.config()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write a model spec: the config of " + where + " is not JSON: " + e.getMessage(), e);
        }
        if (layer.countParameters() > 0 && layer.countTrainableParameters() == 0) m.put("trainable", false);
        return m;
    }
}
