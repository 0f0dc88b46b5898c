package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer minimises an ill-conditioned quadratic and a Rosenbrock-type valley to a stated
 * distance from the minimum, with the number of steps and learning rate given per case.
 * <ul>
 *   <li>quadratic {@code f(w) = (w0 - 1)² + 10·(w1 + 2)²}, from {@code [0, 0]}, minimum {@code [1, -2]};</li>
 *   <li>valley {@code f(x, y) = (1 - x)² + 10·(y - x²)²}, from {@code [-0.5, 0.5]}, minimum {@code [1, 1]}.</li>
 * </ul>
 * Learning rates are tuned per optimizer (SGD must stay below 2/λ_max ≈ 0.0197 on the valley);
 * constant rates, so the adaptive methods' tolerances reflect their oscillation near the minimum.
 */
class ConvergenceTest {

    record Case(String label, Supplier<Optimizer> optimizer, int steps, double tolerance) {}

    private static Variable quadratic(Variable w) {
        Variable d = w.sub(Variable.of(Tensor.of(new double[] {1, -2})));
        return d.mul(d).mul(Variable.of(Tensor.of(new double[] {1, 10}))).sum();
    }

    private static Variable valley(Variable w) {
        Variable x = w.slice(0, 0, 1);
        Variable y = w.slice(0, 1, 2);
        Variable a = x.sub(1);
        Variable b = y.sub(x.mul(x));
        return a.mul(a).add(b.mul(b).mul(10)).sum();
    }

    private static double distance(Parameter w, double[] target) {
        double[] v = w.value().toDoubleArray();
        return Math.hypot(v[0] - target[0], v[1] - target[1]);
    }

    private static double minimise(Optimizer opt, int steps, boolean rosenbrock) {
        Parameter w = new Parameter(Tensor.of(rosenbrock ? new double[] {-0.5, 0.5} : new double[] {0, 0}));
        for (int i = 0; i < steps; i++) {
            w.zeroGrad();
            (rosenbrock ? valley(w.variable()) : quadratic(w.variable())).backward();
            opt.step(Map.of("w", w));
        }
        return distance(w, rosenbrock ? new double[] {1, 1} : new double[] {1, -2});
    }

    private static List<Case> quadraticCases() {
        return List.of(
                new Case("sgd", () -> Optimizers.sgd(0.04), 300, 1e-6),
                new Case("momentum", () -> Optimizers.momentum(0.02, 0.9), 300, 1e-5),
                new Case("ema momentum", () -> Optimizers.emaMomentum(0.2, 0.9), 300, 1e-5),
                new Case("nesterov", () -> Optimizers.nesterov(0.02, 0.9), 300, 1e-6),
                new Case("adagrad", () -> Optimizers.adagrad(0.5), 250, 1e-6),
                new Case("rmsprop", () -> Optimizers.rmsprop(0.01), 500, 1e-3),
                new Case("rmsprop centered momentum", () -> Optimizers.rmsprop(0.01, 0.9, 0.9, 1e-7, true), 500, 1e-2),
                new Case("adadelta (Zeiler: lr 1, eps 1e-6)", () -> Optimizers.adadelta(1.0, 0.95, 1e-6), 800, 1e-3),
                new Case("adam", () -> Optimizers.adam(0.05), 500, 1e-6),
                new Case("adamw", () -> Optimizers.adamw(0.05, 1e-4), 500, 1e-3),
                new Case("nadam", () -> Optimizers.nadam(0.05), 500, 1e-6),
                new Case("amsgrad", () -> Optimizers.amsgrad(0.05), 500, 1e-6),
                new Case("adamax", () -> Optimizers.adamax(0.05), 500, 1e-6));
    }

    private static List<Case> valleyCases() {
        return List.of(
                new Case("sgd", () -> Optimizers.sgd(0.019), 1500, 1e-3),
                new Case("momentum", () -> Optimizers.momentum(0.005, 0.9), 500, 1e-4),
                new Case("ema momentum", () -> Optimizers.emaMomentum(0.05, 0.9), 500, 1e-4),
                new Case("nesterov", () -> Optimizers.nesterov(0.005, 0.9), 500, 1e-4),
                new Case("adagrad", () -> Optimizers.adagrad(0.5), 1250, 1e-3),
                // with a constant rate RMSprop ends in a small limit cycle across the steep direction
                new Case("rmsprop", () -> Optimizers.rmsprop(0.01), 1000, 2e-2),
                new Case("rmsprop centered momentum", () -> Optimizers.rmsprop(0.002, 0.9, 0.9, 1e-7, true), 1000, 1e-2),
                // AdaDelta reaches the valley floor but does not settle there: its step numerator is at least √ε while
                // RMS[g] shrinks, so it keeps moving along the floor (the same happens in a plain float64 re-implementation)
                new Case("adadelta (Zeiler: lr 1, eps 1e-6)", () -> Optimizers.adadelta(1.0, 0.95, 1e-6), 1000, 0.1),
                new Case("adam", () -> Optimizers.adam(0.02), 1000, 1e-3),
                new Case("adamw", () -> Optimizers.adamw(0.02, 1e-4), 1000, 1e-3),
                new Case("nadam", () -> Optimizers.nadam(0.02), 1000, 2e-3),
                new Case("amsgrad", () -> Optimizers.amsgrad(0.02), 1000, 1e-3),
                new Case("adamax", () -> Optimizers.adamax(0.02), 1500, 1e-2));
    }

    private static List<DynamicTest> tests(List<Case> cases, boolean rosenbrock) {
        List<DynamicTest> out = new ArrayList<>();
        for (Case c : cases) {
            out.add(DynamicTest.dynamicTest(c.label(), () -> {
                double d = minimise(c.optimizer().get(), c.steps(), rosenbrock);
                assertTrue(d < c.tolerance(), c.label() + ": distance to the minimum " + d + " after " + c.steps() + " steps, want < " + c.tolerance());
            }));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> quadratic() { return tests(quadraticCases(), false); }

    @TestFactory
    List<DynamicTest> valley() { return tests(valleyCases(), true); }
}
