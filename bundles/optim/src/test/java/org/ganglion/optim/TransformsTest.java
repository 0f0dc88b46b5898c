package org.ganglion.optim;

import static org.ganglion.optim.Transforms.chain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.graph.StateDict;
import org.junit.jupiter.api.Test;

/** The functional contract of transformations: composition, immutable state, state naming and round trip. */
class TransformsTest {

    private static Map<String, Tensor> one(String name, double... v) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put(name, Tensor.of(v));
        return m;
    }

    @Test
    void chainFeedsUpdatesForward() {
        // scale(2) then clipByValue(1) then scale(-3): g = [0.25, 4] → [0.5, 8] → [0.5, 1] → [-1.5, -3]
        GradientTransformation t = chain(Transforms.scale(2), Transforms.clipByValue(1), Transforms.scale(-3));
        var u = t.update(one("w", 0.25, 4), t.init(Map.of()), Map.of());
        assertArrayEquals(new double[] {-1.5, -3}, u.updates().get("w").toDoubleArray());
    }

    @Test
    void statesAreImmutableValues() {
        GradientTransformation adam = Transforms.scaleByAdam(0.9, 0.999, 1e-8);
        var params = one("w", 1, 2);
        var s0 = adam.init(params);
        var first = adam.update(one("w", 0.5, -1), s0, params);
        var again = adam.update(one("w", 0.5, -1), s0, params);
        assertArrayEquals(first.updates().get("w").toDoubleArray(), again.updates().get("w").toDoubleArray());
        StateDict d0 = new StateDict();
        s0.save("adam", d0);
        assertArrayEquals(new double[] {0, 0}, d0.get("adam.m.w").toDoubleArray());
        assertEquals(0, d0.get("adam.count").item());
        assertThrows(UnsupportedOperationException.class, () -> first.updates().put("x", Tensor.scalar(1)));
    }

    @Test
    void duplicateNamesInAChainAreNumbered() {
        GradientTransformation t = chain(Transforms.trace(0.5), chain(Transforms.clipByNorm(10), Transforms.trace(0.9)));
        var params = one("w", 1);
        var u = t.update(one("w", 1), t.init(params), params);
        StateDict d = new StateDict();
        u.state().save(u.state().name(), d);
        assertEquals(List.of("momentum.v.w", "momentum_1.v.w"), List.copyOf(d.asMap().keySet()));
        // first trace: v = 1; second: v = 1 (its input is the first's output)
        var back = t.init(Map.of()).load("", d);
        var next = t.update(one("w", 1), back, params);
        var direct = t.update(one("w", 1), u.state(), params);
        assertArrayEquals(direct.updates().get("w").toDoubleArray(), next.updates().get("w").toDoubleArray());
        // 0.5·1 + 1 = 1.5 → second trace 0.9·1 + 1.5 = 2.4
        assertArrayEquals(new double[] {2.4}, next.updates().get("w").toDoubleArray(), 1e-15);
    }

    @Test
    void stateForANewParameterStartsAtItsInitialValue() {
        GradientTransformation adagrad = Transforms.scaleByAdagrad(0.1, 0);
        var s = adagrad.init(Map.of()); // nothing known yet
        // s = 0.1 + 0.3² = 0.19 → u = 0.3/√0.19
        var u = adagrad.update(one("late", 0.3), s, Map.of());
        assertArrayEquals(new double[] {0.3 / Math.sqrt(0.19)}, u.updates().get("late").toDoubleArray(), 1e-15);
    }

    @Test
    void stateOfAnotherTransformationIsRejected() {
        var adamState = Transforms.scaleByAdam(0.9, 0.999, 1e-8).init(Map.of());
        assertThrows(IllegalArgumentException.class, () -> Transforms.trace(0.9).update(one("w", 1), adamState, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Transforms.clipByNorm(1).update(one("w", 1), adamState, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> chain(Transforms.trace(0.9)).update(one("w", 1), adamState, Map.of()));
    }

    @Test
    void decoupledDecayHonoursItsMask() {
        // biases excluded: kernel 0 + 0.5·2 = 1, bias stays 0
        GradientTransformation wd = Transforms.addDecayedWeights(0.5, name -> !name.endsWith("bias"));
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put("d.kernel", Tensor.of(new double[] {0}));
        g.put("d.bias", Tensor.of(new double[] {0}));
        Map<String, Tensor> p = Map.of("d.kernel", Tensor.of(new double[] {2}), "d.bias", Tensor.of(new double[] {2}));
        var u = wd.update(g, wd.init(p), p).updates();
        assertArrayEquals(new double[] {1}, u.get("d.kernel").toDoubleArray());
        assertArrayEquals(new double[] {0}, u.get("d.bias").toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> Transforms.addL2(0.1).update(g, GradientTransformation.EMPTY, Map.of()));
    }

    @Test
    void hyperparametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Transforms.trace(1.0));
        assertThrows(IllegalArgumentException.class, () -> Transforms.scaleByAdam(0.9, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> Transforms.scaleByRms(-0.1, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> Transforms.scaleByAdadelta(0.95, 0));
        assertThrows(IllegalArgumentException.class, () -> EpsilonPlacement.parse("between"));
        assertEquals(EpsilonPlacement.UNCORRECTED, EpsilonPlacement.parse("hat"));
    }
}
