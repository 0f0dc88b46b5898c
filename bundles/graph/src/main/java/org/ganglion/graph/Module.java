package org.ganglion.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * A node of a model: named parameters, named buffers (non-trainable state such as running means),
 * and named child modules. Names join into dotted paths ({@code block1.dense.kernel}). Modules are
 * built lazily, Keras style: {@link #build(int[])} receives the input shape without the batch
 * dimension, creates parameters, and returns the output shape; calling a module builds it on first
 * use.
 *
 * <p>Subclasses implement {@link #forward(Variable)} (or {@link #forward(List)} for several inputs).
 * Not thread-safe; use one module from one training thread.
 */
public abstract class Module {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;
    private int[] inputShape;
    private int[] outputShape;
    private String name;

    // ---- structure -----------------------------------------------------------------------

    /** Registers a parameter; the name must be an identifier and unique within this module. */
    protected Parameter addParameter(String name, Tensor initial) {
        checkName(name);
        Parameter p = new Parameter(initial);
        parameters.put(name, p);
        return p;
    }

    /** Registers a child module under {@code name}. */
    protected <M extends Module> M addModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        Module m = module;
        if (m.name == null) m.name = name;
        return module;
    }

    /** Registers or replaces a buffer (state saved with the model but not trained). */
    protected void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) checkName(name);
        buffers.put(name, value);
    }

    protected Tensor buffer(String name) { return buffers.get(name); }

    private void checkName(String n) {
        if (n == null || !NAME.matcher(n).matches())
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + n + "' (letters, digits and _; no dots)");
        if (parameters.containsKey(n) || buffers.containsKey(n) || children.containsKey(n))
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + n + "' is already used in this module");
    }

    /** The name given by the parent or the user; null until set. */
    public String name() { return name; }

    public Module setName(String name) {
        this.name = name;
        return this;
    }

    /** The registered component name for model specs, e.g. {@code dense}; null for modules that have none. */
    public String typeName() { return null; }

    /** The options that recreate this module through its factory (model specs). */
    public Map<String, Object> config() { return Map.of(); }

    public Map<String, Module> children() { return Collections.unmodifiableMap(children); }

    /** Every parameter of this module and its descendants, by dotted path, in registration order. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out, m -> m.parameters);
        return out;
    }

    /** Every buffer of this module and its descendants, by dotted path. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, m -> m.buffers);
        return out;
    }

    private <T> void collect(String prefix, Map<String, T> out, java.util.function.Function<Module, Map<String, T>> own) {
        own.apply(this).forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, c) -> c.collect(prefix + k + ".", out, own));
    }

    public List<Parameter> parameters() { return new ArrayList<>(namedParameters().values()); }

    public List<Parameter> trainableParameters() {
        return parameters().stream().filter(Parameter::trainable).toList();
    }

    public long countParameters() { return parameters().stream().mapToLong(Parameter::numel).sum(); }

    public long countTrainableParameters() { return trainableParameters().stream().mapToLong(Parameter::numel).sum(); }

    /** Freezes or unfreezes every parameter of this module and its descendants (Keras {@code layer.trainable}). */
    public void setTrainable(boolean trainable) { parameters().forEach(p -> p.setTrainable(trainable)); }

    /** True when at least one parameter is trainable, or there are none. */
    public boolean isTrainable() { return parameters.isEmpty() && children.isEmpty() || !trainableParameters().isEmpty(); }

    // ---- mode ----------------------------------------------------------------------------

    /** Training mode (dropout active, batch statistics) for this module and its descendants. */
    public Module train() { return setTraining(true); }

    /** Inference mode. */
    public Module eval() { return setTraining(false); }

    private Module setTraining(boolean t) {
        training = t;
        children.values().forEach(c -> c.setTraining(t));
        return this;
    }

    public boolean isTraining() { return training; }

    // ---- building and calling ------------------------------------------------------------

    /**
     * Creates parameters for inputs of {@code inputShape} (no batch dimension) and returns the output
     * shape. Called once; later calls with another shape fail. The default keeps the shape.
     */
    protected int[] doBuild(int[] inputShape) { return inputShape; }

    /** Builds for the given input shape (no batch dimension), once; returns the output shape. */
    public final int[] build(int... inputShape) {
        if (this.inputShape != null) {
            if (!Arrays.equals(this.inputShape, inputShape))
                throw org.ganglion.core.ShapeMismatchException.of(describe(), "built for inputs " + Arrays.toString(this.inputShape)
                        + ", called with " + Arrays.toString(inputShape), this.inputShape, inputShape);
            return outputShape.clone();
        }
        int[] out = doBuild(inputShape.clone());
        this.inputShape = inputShape.clone();
        this.outputShape = out.clone();
        return out;
    }

    public boolean isBuilt() { return inputShape != null; }

    /** Input shape without the batch dimension, or null before building. */
    public int[] inputShape() { return inputShape == null ? null : inputShape.clone(); }

    /** Output shape without the batch dimension, or null before building. */
    public int[] outputShape() { return outputShape == null ? null : outputShape.clone(); }

    /** The forward pass on a batch. */
    public abstract Variable forward(Variable x);

    /** Forward pass for modules with several inputs (merge layers); the default accepts exactly one. */
    public Variable forward(List<Variable> inputs) {
        if (inputs.size() != 1) throw new IllegalArgumentException(describe() + " takes one input, got " + inputs.size());
        return forward(inputs.get(0));
    }

    /** Builds on first use (from the batch's shape without its first dimension), then runs {@link #forward(Variable)}. */
    public Variable call(Variable x) {
        if (x.rank() == 0) throw new org.ganglion.core.ShapeMismatchException(describe() + ": input must have a batch dimension; got a scalar");
        build(Arrays.copyOfRange(x.shape(), 1, x.rank()));
        return forward(x);
    }

    /** Convenience for inference: wraps a tensor, calls, returns the value. */
    public Tensor call(Tensor x) { return call(Variable.of(x)).value(); }

    protected String describe() {
        String t = typeName() != null ? typeName() : getClass().getSimpleName();
        return name == null ? t : t + " '" + name + "'";
    }

    // ---- state ---------------------------------------------------------------------------

    /** Parameters and buffers by dotted path. */
    public StateDict stateDict() {
        StateDict d = new StateDict();
        namedParameters().forEach((k, p) -> d.put(k, p.value()));
        namedBuffers().forEach(d::put);
        return d;
    }

    /**
     * Copies values from {@code state}. Strict loading fails with {@link ModelFormatException} listing
     * missing and unexpected keys and shape conflicts; non-strict loading copies what fits and reports
     * the rest.
     */
    public StateDict.LoadResult loadStateDict(StateDict state, boolean strict) {
        Map<String, Parameter> params = namedParameters();
        Map<String, Tensor> bufs = namedBuffers();
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), conflicts = new ArrayList<>();
        for (String k : params.keySet()) if (!state.contains(k)) missing.add(k);
        for (String k : bufs.keySet()) if (!state.contains(k)) missing.add(k);
        for (Map.Entry<String, Tensor> e : state.asMap().entrySet()) {
            Parameter p = params.get(e.getKey());
            int[] have = p != null ? p.shape() : bufs.containsKey(e.getKey()) ? bufs.get(e.getKey()).shape() : null;
            if (have == null) unexpected.add(e.getKey());
            else if (!Arrays.equals(have, e.getValue().shape()))
                conflicts.add(e.getKey() + " " + Arrays.toString(e.getValue().shape()) + " vs " + Arrays.toString(have));
        }
        StateDict.LoadResult result = new StateDict.LoadResult(missing, unexpected, conflicts);
        if (strict && !result.clean()) throw new ModelFormatException("loadStateDict (strict): " + result);
        for (Map.Entry<String, Tensor> e : state.asMap().entrySet()) {
            String k = e.getKey();
            if (unexpected.contains(k) || conflicts.stream().anyMatch(c -> c.startsWith(k + " "))) continue;
            Parameter p = params.get(k);
            if (p != null) p.assign(e.getValue().to(p.value().dtype()));
            else setBufferByPath(k, e.getValue());
        }
        return result;
    }

    private void setBufferByPath(String path, Tensor value) {
        int dot = path.indexOf('.');
        if (dot < 0) buffers.put(path, value.to(buffers.get(path).dtype()));
        else children.get(path.substring(0, dot)).setBufferByPath(path.substring(dot + 1), value);
    }

    @Override
    public String toString() { return describe(); }
}
