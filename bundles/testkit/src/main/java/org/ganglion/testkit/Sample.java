package org.ganglion.testkit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ganglion.core.Tensor;

/**
 * One sample input of an op: tensor recipes plus non-tensor arguments (PyTorch's {@code SampleInput}).
 *
 * @param name        shown in test names as {@code op[name]}; derived from the inputs and arguments when not given
 * @param inputs      the tensor inputs, created fresh on each device
 * @param args        the other arguments
 * @param gradcheck   whether the float64 gradient check uses this sample (false for empty, integer or non-smooth inputs)
 * @param tolerance   overrides the op's float32 tolerance for this sample (null: the op's)
 * @param knownIssues checks this sample is excluded from because of a known bug outside the testkit,
 *                    with the reason; the check reports the sample as skipped with that reason
 */
public record Sample(String name, List<TensorSource> inputs, Args args, boolean gradcheck, Tolerance tolerance,
                     Map<Check, String> knownIssues) {
    /** The checks a known issue can exclude a sample from. */
    public enum Check { FORWARD, GRADIENT, VARIANT }

    public Sample {
        inputs = List.copyOf(inputs);
        knownIssues = Map.copyOf(knownIssues);
        if (name == null) name = describe(inputs, args);
    }

    /** A sample with these inputs, no arguments, used by the gradient check when every input is floating. */
    public static Sample of(TensorSource... inputs) {
        return new Sample(null, List.of(inputs), Args.NONE, inputs.length > 0 && allFloating(List.of(inputs)), null, Map.of());
    }

    private String keptName() { return name.equals(describe(inputs, args)) ? null : name; }

    public Sample args(Args newArgs) { return new Sample(keptName(), inputs, newArgs, gradcheck, tolerance, knownIssues); }

    public Sample args(Object... namesAndValues) { return args(Args.of(namesAndValues)); }

    public Sample named(String newName) { return new Sample(newName, inputs, args, gradcheck, tolerance, knownIssues); }

    /** Excluded from the gradient check (e.g. an input at a kink, or ties). */
    public Sample noGrad() { return new Sample(keptName(), inputs, args, false, tolerance, knownIssues); }

    /** Included in the gradient check even though some inputs are not floating (they become constants). */
    public Sample withGrad() { return new Sample(keptName(), inputs, args, true, tolerance, knownIssues); }

    public Sample tolerance(Tolerance t) { return new Sample(keptName(), inputs, args, gradcheck, t, knownIssues); }

    /** Excludes this sample from {@code check} until a known bug is fixed; {@code why} names the bug and where it lives. */
    public Sample knownIssue(Check check, String why) {
        Map<Check, String> m = new EnumMap<>(Check.class);
        m.putAll(knownIssues);
        m.put(check, why);
        return new Sample(keptName(), inputs, args, gradcheck, tolerance, m);
    }

    /** Fresh tensors for this sample on the active device. */
    public Tensor[] create() {
        Tensor[] t = new Tensor[inputs.size()];
        for (int i = 0; i < t.length; i++) t[i] = inputs.get(i).create();
        return t;
    }

    private static boolean allFloating(List<TensorSource> in) {
        return in.stream().allMatch(s -> s.dtype().isFloating());
    }

    private static String describe(List<TensorSource> inputs, Args args) {
        String in = inputs.stream().map(TensorSource::toString).collect(Collectors.joining(","));
        String a = args.toString();
        return a.isEmpty() ? in : in.isEmpty() ? a : in + " " + a;
    }

    @Override
    public String toString() { return name; }
}
