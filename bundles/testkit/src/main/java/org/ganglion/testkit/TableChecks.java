package org.ganglion.testkit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;

/**
 * The checks the op table drives, as dynamic tests named {@code op[sample]} grouped per op:
 * forward against the reference device, float64 gradient check on the device, Variable forward
 * against Tensor forward, and error inputs.
 */
final class TableChecks {
    private TableChecks() {}

    private static Stream<DynamicNode> perOp(List<OpSpec> specs, Function<OpSpec, Stream<DynamicNode>> tests) {
        return specs.stream().map(s -> dynamicContainer(s.name(), tests.apply(s)));
    }

    /** Skips a sample whose inputs (or requested dtype) the device does not support, e.g. float64 on a GPU. */
    private static void assumeSupported(DeviceSession session, List<TensorSource> inputs, Args args) {
        for (TensorSource in : inputs)
            Assumptions.assumeTrue(session.device().supports(in.dtype()), () -> session.device().id() + " does not support " + in.dtype());
        if (args.has("dtype") && args.get("dtype", Object.class) instanceof DType dt)
            Assumptions.assumeTrue(session.device().supports(dt), () -> session.device().id() + " does not support " + dt);
    }

    private static void skipIfKnownIssue(Sample sample, Sample.Check check) {
        String why = sample.knownIssues().get(check);
        if (why != null) Assumptions.abort("excluded until a known bug is fixed: " + why);
    }

    /**
     * (a) Every sample's forward on the device equals the reference device's within the spec's
     * tolerance, the result lives on the device, and the inputs are left unmodified (bit for bit as
     * the reference device leaves them).
     */
    static Stream<DynamicNode> forward(DeviceSession session, List<OpSpec> specs) {
        return perOp(specs, spec -> spec.samples().stream().map(sample -> dynamicTest(spec.name() + "[" + sample.name() + "]", () -> {
            skipIfKnownIssue(sample, Sample.Check.FORWARD);
            assumeSupported(session, sample.inputs(), sample.args());
            String what = spec.name() + "[" + sample.name() + "] on " + session.device().id();
            Run onDevice = session.onDevice(() -> runAndReadInputs(spec, sample));
            Run onReference = session.onReference(() -> runAndReadInputs(spec, sample));
            assertSame(session.device(), onDevice.output().device(), what + ": the result does not live on the device under test");
            onDevice.output().assertMatches(onReference.output(), spec.toleranceOf(sample), what);
            for (int i = 0; i < onDevice.inputs().size(); i++)
                onDevice.inputs().get(i).assertMatches(onReference.inputs().get(i), Tolerance.EXACT, what + ": input " + i + " after the op");
        })));
    }

    /** The output of one run and the inputs as they were afterwards. */
    record Run(Outcome output, List<Outcome> inputs) {}

    /** Runs one sample on the active device and downloads the result; closes what it made. */
    static Outcome run(OpSpec spec, Sample sample) { return runAndReadInputs(spec, sample).output(); }

    static Run runAndReadInputs(OpSpec spec, Sample sample) {
        Tensor[] in = sample.create();
        try {
            Tensor out = spec.forward().apply(in, sample.args());
            try {
                Outcome result = Outcome.of(out);
                return new Run(result, Arrays.stream(in).map(Outcome::of).toList());
            } finally {
                out.close();
            }
        } finally {
            for (Tensor t : in) t.close();
        }
    }

    /** (b) The float64 gradient check of every differentiable op, run on the device. */
    static Stream<DynamicNode> gradients(DeviceSession session, List<OpSpec> specs) {
        List<OpSpec> differentiable = specs.stream().filter(s -> !s.gradSamples().isEmpty()).toList();
        return perOp(differentiable, spec -> spec.gradSamples().stream().map(sample -> dynamicTest(spec.name() + "[" + sample.name() + "]", () -> {
            skipIfKnownIssue(sample, Sample.Check.GRADIENT);
            assumeSupported(session, sample.inputs().stream().filter(i -> !i.dtype().isFloating()).toList(), Args.NONE);
            Assumptions.assumeTrue(session.device().supports(DType.FLOAT64), () -> "device " + session.device().id()
                    + " does not support float64; the gradient check runs in float64 (central differences need it), so it is skipped");
            GradCheck.Result r = session.onDevice(() -> gradcheck(spec, sample));
            assertTrue(r.passed(), () -> spec.name() + "[" + sample.name() + "] on " + session.device().id() + ": " + r);
        })));
    }

    static GradCheck.Result gradcheck(OpSpec spec, Sample sample) {
        Tensor[] in = sample.create();
        Tensor[] wide = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) wide[i] = in[i].dtype().isFloating() ? in[i].to(DType.FLOAT64) : in[i];
        try {
            Function<Variable[], Variable> f = v -> spec.grad().apply(v, sample.args());
            return GradCheck.check(f, wide);
        } finally {
            for (Tensor t : in) t.close();
            for (Tensor t : wide) t.close();
        }
    }

    /**
     * (b) The variable form of every differentiable op computes the same forward value as the tensor
     * form, for every sample (constants in, so no graph is recorded): the two variants must not drift.
     */
    static Stream<DynamicNode> variants(DeviceSession session, List<OpSpec> specs) {
        List<OpSpec> differentiable = specs.stream().filter(OpSpec::differentiable).toList();
        return perOp(differentiable, spec -> spec.samples().stream().map(sample -> dynamicTest(spec.name() + "[" + sample.name() + "]", () -> {
            skipIfKnownIssue(sample, Sample.Check.VARIANT);
            assumeSupported(session, sample.inputs(), sample.args());
            Outcome viaTensor = session.onDevice(() -> run(spec, sample));
            Outcome viaVariable = session.onDevice(() -> runVariable(spec, sample));
            viaVariable.assertMatches(viaTensor, spec.toleranceOf(sample), spec.name() + "[" + sample.name() + "] Variable vs Tensor forward");
        })));
    }

    static Outcome runVariable(OpSpec spec, Sample sample) {
        Tensor[] in = sample.create();
        try {
            Variable[] v = new Variable[in.length];
            for (int i = 0; i < in.length; i++) v[i] = Variable.of(in[i]);
            return Outcome.of(spec.grad().apply(v, sample.args()).value());
        } finally {
            for (Tensor t : in) t.close();
        }
    }

    /** (c) Every error input raises the expected exception type with the expected message fragment, on the device. */
    static Stream<DynamicNode> errors(DeviceSession session, List<OpSpec> specs) {
        List<OpSpec> withErrors = specs.stream().filter(s -> !s.errors().isEmpty()).toList();
        return perOp(withErrors, spec -> spec.errors().stream().map(e -> dynamicTest(spec.name() + "[" + e.name() + "]", () -> {
            assumeSupported(session, e.inputs(), e.args());
            session.onDevice(() -> expectError(spec, e));
        })));
    }

    static void expectError(OpSpec spec, ErrorInput e) {
        TensorOp call = e.call() != null ? e.call() : spec.forward();
        Tensor[] in = e.create();
        try {
            Throwable t = assertThrows(e.type(), () -> call.apply(in, e.args()).close(),
                    () -> spec.name() + "[" + e.name() + "] should raise " + e.type().getSimpleName());
            String m = String.valueOf(t.getMessage());
            assertTrue(m.contains(e.fragment()), () -> spec.name() + "[" + e.name() + "]: message \"" + m
                    + "\" does not contain \"" + e.fragment() + "\"");
        } finally {
            for (Tensor t : in) t.close();
        }
    }
}
