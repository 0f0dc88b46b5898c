package org.ganglion.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.ShapeMismatchException;

/**
 * A stack of layers, each feeding the next. With a declared input shape ({@link #Sequential(int[],
 * Module...)}, an {@link Input} first, or a first layer with a {@link Module#declaredInputShape()})
 * every layer is built as soon as it is added, so a shape
 * mismatch is reported at the offending layer right away; without one the model builds on its first
 * call. Layers without a name get {@code <type>_<n>} ({@code dense_1}, {@code dense_2}, …), which
 * is also the first part of their parameters' paths ({@code dense_1.kernel}).
 *
 * <p>A Sequential is a {@link Module}: it can be a layer of another Sequential or of a functional
 * {@link Model} (transfer learning: freeze a trained feature extractor with
 * {@link #setTrainable(boolean)} and stack a new head on it). Not thread-safe.
 */
public class Sequential extends Module {
    /** The name of this container in model specs. */
    public static final String TYPE = "sequential";

    private final List<Module> layers = new ArrayList<>();

    /** Layers whose input shape is learnt from the first batch. */
    public Sequential(Module... layers) { this(List.of(layers)); }

    public Sequential(List<? extends Module> layers) { layers.forEach(this::add); }

    /** Layers built eagerly for samples of {@code inputShape} (no batch dimension). */
    public Sequential(int[] inputShape, Module... layers) { this(inputShape, List.of(layers)); }

    public Sequential(int[] inputShape, List<? extends Module> layers) {
        build(inputShape);
        layers.forEach(this::add);
    }

    /** Layers built eagerly for the input's shape (Keras: {@code Sequential([Input(shape), ...])}). */
    public Sequential(Input input, Module... layers) { this(input.shape(), layers); }

    /**
     * Appends a layer, naming it if it has no name. When the model is built the layer is built for
     * the current output shape first; if that fails, the model is left unchanged.
     *
     * @throws ShapeMismatchException naming the layer's position, name and the shape it was given
     * @throws IllegalArgumentException when the layer is already in this model or its name is taken
     */
    public Sequential add(Module layer) {
        if (layers.stream().anyMatch(l -> l == layer))
            throw new IllegalArgumentException(describe() + ": layer " + layer.describe() + " is already in this model; create a new instance");
        String name = layer.name() != null ? layer.name() : layer.uniqueName(children().keySet());
        if (!NAME.matcher(name).matches())
            throw new IllegalArgumentException(describe() + ": invalid layer name '" + name + "' (letters, digits and _; no dots)");
        if (children().containsKey(name))
            throw new IllegalArgumentException(describe() + ": a layer named '" + name + "' is already in this model");
        int[] declared = layer.declaredInputShape();
        if (!isBuilt() && layers.isEmpty() && declared != null && Arrays.stream(declared).allMatch(d -> d >= 0)) build(declared);
        int[] out = isBuilt() ? buildLayer(layers.size(), name, layer, outputShape()) : null;
        layer.setName(name);
        addModule(name, layer);
        layers.add(layer);
        if (out != null) updateOutputShape(out);
        return this;
    }

    private int[] buildLayer(int index, String name, Module layer, int[] in) {
        String where = describe() + ": layer " + index + " '" + name + "' (" + typeOf(layer) + ") cannot take inputs of shape " + Arrays.toString(in) + ": ";
        try {
            return layer.build(in);
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException(where + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static String typeOf(Module m) { return m.typeName() != null ? m.typeName() : m.getClass().getSimpleName(); }

    /** The layers in order (read-only). */
    public List<Module> layers() { return Collections.unmodifiableList(layers); }

    /** The layer at {@code index}. */
    public Module get(int index) { return layers.get(index); }

    /** The layer named {@code name}, or an {@link IllegalArgumentException} listing the names. */
    public Module get(String name) {
        Module m = children().get(name);
        if (m == null) throw new IllegalArgumentException(describe() + ": no layer named '" + name + "'; layers: " + children().keySet());
        return m;
    }

    @Override
    protected int[] doBuild(int[] inputShape) {
        int[] shape = inputShape;
        for (int i = 0; i < layers.size(); i++) shape = buildLayer(i, layers.get(i).name(), layers.get(i), shape);
        return shape;
    }

    @Override
    public Variable forward(Variable x) {
        Variable h = x;
        for (Module layer : layers) h = layer.call(h);
        return h;
    }

    @Override
    public String typeName() { return TYPE; }

    /** The model's layers as a spec body ({@code input_shape} when built, {@code layers}); see {@link ModelSpec}. */
    @Override
    public Map<String, Object> config() { return SpecWriter.body(this); }

    @Override
    protected String describe() { return name() == null ? "Sequential" : "Sequential '" + name() + "'"; }
}
