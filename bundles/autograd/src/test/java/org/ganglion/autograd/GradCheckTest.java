package org.ganglion.autograd;

import static org.ganglion.autograd.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

/** GradCheck itself: it must be able to fail, and report where. */
class GradCheckTest {
    /** x² with a VJP scaled by {@code factor} (1 is correct). */
    private static Function<Variable[], Variable> square(double factor) {
        return v -> Variable.custom("square", v[0].value().mul(v[0].value()),
                (g, needs) -> new Variable[] {g.mul(v[0]).mul(2 * factor)}, v[0]);
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        GradCheck.Options o = GradCheck.Options.defaults();
        assertEquals(1e-6, o.eps());
        assertEquals(1e-5, o.atol());
        assertEquals(1e-3, o.rtol());
    }

    @Test
    void correctCustomRulePasses() {
        assertTrue(GradCheck.check(square(1), randn(1, 3, 4)).passed());
    }

    @Test
    void wrongRuleFailsAndReportsTheWorstElement() {
        // d(x²)/dx with an error of 0.5 at element 1 only: analytical -3.5 where the truth is -4.
        Tensor bump = TestTensors.of(0, 0.5, 0);
        Function<Variable[], Variable> f = v -> Variable.custom("square", v[0].value().mul(v[0].value()),
                (g, needs) -> new Variable[] {g.mul(v[0]).mul(2).add(g.mul(Variable.of(bump)))}, v[0]);
        GradCheck.Result r = GradCheck.check(f, TestTensors.of(0.5, -2.0, 1.0));
        assertFalse(r.passed(), r.toString());
        assertEquals(0, r.inputIndex());
        assertEquals(1, r.elementIndex());
        assertEquals(1, r.outputIndex());
        assertFalse(r.projected());
        assertEquals(-3.5, r.analytical(), 1e-9);
        assertEquals(-4.0, r.numerical(), 1e-6);
        assertEquals(0.5, r.absError(), 1e-6);
        assertEquals(0.125, r.relError(), 1e-6);
        assertEquals(9, r.entriesCompared());
        assertTrue(r.toString().contains("FAILED") && r.toString().contains("input 0, element 1"), r.toString());
    }

    @Test
    void smallErrorWithinToleranceStillPassesButLargerFails() {
        assertTrue(GradCheck.check(square(1 + 1e-4), randn(2, 5)).passed());
        assertFalse(GradCheck.check(square(1 + 1e-2), randn(2, 5)).passed());
    }

    @Test
    void assertPassesThrowsWithTheReport() {
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.assertPasses(square(2), randn(3, 4)));
        assertTrue(e.getMessage().contains("worst"), e.getMessage());
        GradCheck.assertPasses(square(1), randn(3, 4));
    }

    @Test
    void largeOutputsUseRandomProjections() {
        Function<Variable[], Variable> f = v -> v[0].tanh().mul(v[1]);
        GradCheck.Result ok = GradCheck.check(f, randn(4, 10, 10), randn(5, 10, 10));
        assertTrue(ok.passed(), ok.toString());
        assertTrue(ok.projected());
        assertEquals(4 * 200, ok.entriesCompared());
        GradCheck.Result bad = GradCheck.check(square(1.1), randn(6, 9, 9));
        assertTrue(bad.projected());
        assertFalse(bad.passed(), bad.toString());
    }

    @Test
    void projectionsAreReproducibleAndConfigurable() {
        GradCheck.Options o = GradCheck.Options.defaults().withMaxOneHotOutputs(0).withProjections(2, RandomKey.of(9));
        GradCheck.Result a = GradCheck.check(o, square(1.01), randn(7, 6));
        GradCheck.Result b = GradCheck.check(o, square(1.01), randn(7, 6));
        assertEquals(a, b);
        assertEquals(12, a.entriesCompared());
    }

    @Test
    void float32InputsAreCheckedInFloat64() {
        Function<Variable[], Variable> f = v -> {
            assertEquals(DType.FLOAT64, v[0].dtype());
            return v[0].exp();
        };
        assertTrue(GradCheck.check(f, randn(8, 4).to(DType.FLOAT32)).passed());
    }

    @Test
    void outputIndependentOfTheInputsHasZeroGradients() {
        GradCheck.Result r = GradCheck.check(v -> Variable.of(randn(9, 3)), randn(10, 2));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void missingGradientIsCaught() {
        // The rule forgets that x is used twice: detach() hides the second use from the engine.
        GradCheck.Result r = GradCheck.check(v -> v[0].mul(v[0].detach()), randn(11, 4));
        assertFalse(r.passed(), r.toString());
    }
}
