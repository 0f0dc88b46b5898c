package org.ganglion.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One operation, declared once, the way PyTorch's {@code OpInfo} declares it: everything a device
 * conformance suite needs to test the op on any device.
 *
 * @param name       the op's name, normally the {@link org.ganglion.core.Tensor} method it calls
 * @param family     the op family (unary, binary, reduce, linalg, shape, indexing, creation, random, composite)
 * @param forward    the op over tensors; the sample's arguments choose the overload or axes
 * @param samples    sample inputs, including edge cases (empty, size-1, broadcast, non-contiguous, float32 and float64, ints)
 * @param tolerance  how close a float32 result must be to the reference device (see {@link Tolerance});
 *                   integer and bool results are compared exactly whatever it says
 * @param grad       the op over autograd variables, or null when it is not differentiable
 * @param errors     inputs that must raise a given exception
 * @param covers     the {@link org.ganglion.core.Tensor} methods the op exercises (its name included)
 */
public record OpSpec(String name, String family, TensorOp forward, List<Sample> samples, Tolerance tolerance,
                     VariableOp grad, List<ErrorInput> errors, Set<String> covers) {
    public OpSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(forward, "forward");
        samples = List.copyOf(samples);
        errors = List.copyOf(errors);
        covers = Set.copyOf(covers);
    }

    public boolean differentiable() { return grad != null; }

    /** The samples the float64 gradient check uses (none when the op is not differentiable). */
    public List<Sample> gradSamples() {
        return differentiable() ? samples.stream().filter(Sample::gradcheck).toList() : List.of();
    }

    /** The float32 tolerance of {@code sample}: its own override, else the op's. */
    public Tolerance toleranceOf(Sample sample) { return sample.tolerance() != null ? sample.tolerance() : tolerance; }

    @Override
    public String toString() { return name; }

    public static Builder builder(String name, String family) { return new Builder(name, family); }

    /** Collects one spec; {@link #build()} checks that it has a forward and at least one sample. */
    public static final class Builder {
        private final String name, family;
        private TensorOp forward;
        private VariableOp grad;
        private Tolerance tolerance = Tolerance.EXACT;
        private final List<Sample> samples = new ArrayList<>();
        private final List<ErrorInput> errors = new ArrayList<>();
        private final Set<String> covers = new LinkedHashSet<>();

        private Builder(String name, String family) {
            this.name = name;
            this.family = family;
            covers.add(name);
        }

        public Builder forward(TensorOp f) { forward = f; return this; }

        public Builder grad(VariableOp g) { grad = g; return this; }

        public Builder tolerance(Tolerance t) { tolerance = t; return this; }

        public Builder sample(Sample s) { samples.add(s); return this; }

        public Builder sample(TensorSource... inputs) { return sample(Sample.of(inputs)); }

        public Builder samples(List<Sample> s) { samples.addAll(s); return this; }

        /** An error input called through the forward. */
        public Builder error(String label, Class<? extends Throwable> type, String fragment, Args args, TensorSource... inputs) {
            errors.add(new ErrorInput(label, List.of(inputs), args, null, type, fragment));
            return this;
        }

        public Builder error(String label, Class<? extends Throwable> type, String fragment, TensorSource... inputs) {
            return error(label, type, fragment, Args.NONE, inputs);
        }

        /** An error input with its own call (an overload or argument the forward does not take). */
        public Builder errorCall(String label, Class<? extends Throwable> type, String fragment, TensorOp call, TensorSource... inputs) {
            errors.add(new ErrorInput(label, List.of(inputs), Args.NONE, call, type, fragment));
            return this;
        }

        /** Further Tensor methods this op's samples exercise (overloads, aliases). */
        public Builder covers(String... methods) { covers.addAll(List.of(methods)); return this; }

        public OpSpec build() {
            if (forward == null) throw new IllegalStateException(name + ": no forward");
            if (samples.isEmpty()) throw new IllegalStateException(name + ": no samples");
            return new OpSpec(name, family, forward, samples, tolerance, grad, errors, covers);
        }
    }
}
