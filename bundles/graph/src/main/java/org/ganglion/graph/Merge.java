package org.ganglion.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.ShapeMismatchException;

/**
 * Layers that combine several inputs: element-wise {@link Add} (residual connections) and
 * {@link Concatenate} (along the feature axis). Shapes are checked when the layer is built, i.e.
 * when it is {@linkplain Module#apply(Node...) applied} to nodes, so a functional model with
 * mismatched branches fails while it is being wired, naming the layer and every shape.
 *
 * <p>{@code add} and {@code concatenate} are part of the model-spec format: {@link ModelSpec}
 * creates them itself, so a spec using them loads without any layer plugin.
 */
public final class Merge {
    private Merge() {}

    /** Element-wise sum of nodes of equal shape. */
    public static Node add(Node... inputs) { return new Add().apply(inputs); }

    /** Concatenation along the last (feature) axis; other dimensions must agree. */
    public static Node concatenate(Node... inputs) { return new Concatenate(-1).apply(inputs); }

    /** Concatenation along {@code axis} of the batched tensor (Keras convention: 0 is the batch axis and not allowed; negative counts from the end). */
    public static Node concatenate(int axis, Node... inputs) { return new Concatenate(axis).apply(inputs); }

    private static void needTwo(Module m, List<?> inputs) {
        if (inputs.size() < 2) throw new IllegalArgumentException(m.describe() + " needs at least two inputs, got " + inputs.size());
    }

    /** Sums its inputs element-wise; every input must have the same shape (no silent broadcasting). */
    public static final class Add extends Module {
        public static final String TYPE = "add";

        @Override
        protected int[] doBuild(List<int[]> shapes) {
            needTwo(this, shapes);
            for (int[] s : shapes)
                if (!Arrays.equals(s, shapes.get(0)))
                    throw ShapeMismatchException.of(describe(), "inputs must have the same shape", shapes.toArray(int[][]::new));
            return shapes.get(0);
        }

        @Override
        public Variable forward(Variable x) { throw new IllegalArgumentException(describe() + " needs at least two inputs, got 1"); }

        @Override
        public Variable forward(List<Variable> inputs) {
            needTwo(this, inputs);
            Variable sum = inputs.get(0);
            for (int i = 1; i < inputs.size(); i++) sum = sum.add(inputs.get(i));
            return sum;
        }

        @Override
        public String typeName() { return TYPE; }
    }

    /** Joins its inputs along one axis (by default the last); the other dimensions must agree. */
    public static final class Concatenate extends Module {
        public static final String TYPE = "concatenate";
        private final int axis;

        /** {@code axis} of the batched tensor: negative counts from the end, 0 (the batch axis) is rejected at build time. */
        public Concatenate(int axis) { this.axis = axis; }

        public Concatenate() { this(-1); }

        @Override
        protected int[] doBuild(List<int[]> shapes) {
            needTwo(this, shapes);
            int rank = shapes.get(0).length;
            int[][] all = shapes.toArray(int[][]::new);
            if (rank == 0) throw ShapeMismatchException.of(describe(), "cannot concatenate scalars (samples of rank 0)", all);
            int a = sampleAxis(rank);
            int[] out = shapes.get(0).clone();
            out[a] = 0;
            for (int[] s : shapes) {
                boolean ok = s.length == rank;
                for (int i = 0; ok && i < rank; i++) ok = i == a || s[i] == out[i];
                if (!ok) throw ShapeMismatchException.of(describe(), "inputs must match except along axis " + axis, all);
                out[a] += s[a];
            }
            return out;
        }

        /** The axis within one sample (without the batch dimension). */
        private int sampleAxis(int sampleRank) {
            int a = axis < 0 ? axis + sampleRank + 1 : axis;
            if (a < 1 || a > sampleRank)
                throw new IllegalArgumentException(describe() + ": axis " + axis + " is out of range for inputs of rank " + (sampleRank + 1)
                        + " (the batch axis 0 cannot be concatenated)");
            return a - 1;
        }

        @Override
        public Variable forward(Variable x) { throw new IllegalArgumentException(describe() + " needs at least two inputs, got 1"); }

        @Override
        public Variable forward(List<Variable> inputs) {
            needTwo(this, inputs);
            return Variable.concat(sampleAxis(inputs.get(0).rank() - 1) + 1, inputs.toArray(Variable[]::new));
        }

        public int axis() { return axis; }

        @Override
        public String typeName() { return TYPE; }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("axis", axis);
            return c;
        }
    }
}
