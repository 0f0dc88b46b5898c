package org.ganglion.autograd;

import static org.ganglion.autograd.TestTensors.randn;
import static org.ganglion.autograd.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.ganglion.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Composites have no VJP of their own; gradcheck shows the primitives give them correct gradients. */
class CompositeGradTest {
    private static Arguments op(String name, Function<Variable[], Variable> f, Tensor... inputs) {
        return Arguments.of(name, f, inputs);
    }

    static Stream<Arguments> composites() {
        return Stream.of(
                op("square", v -> v[0].square(), randn(1, 3, 4)),
                op("relu", v -> v[0].relu(), randn(2, 3, 4)),
                op("clamp", v -> Functions.clamp(v[0], -0.5, 0.7), randn(3, 3, 4)),
                op("mean all", v -> v[0].mean(), randn(4, 3, 4)),
                op("mean axis 1 keepDims", v -> v[0].mean(true, 1), randn(5, 3, 4)),
                op("variance unbiased axis 1", v -> Functions.variance(v[0], true, false, 1), randn(6, 3, 4)),
                op("variance biased all keepDims", v -> Functions.variance(v[0], false, true), randn(7, 3, 4)),
                op("std unbiased axis 0", v -> Functions.std(v[0], true, false, 0), randn(8, 3, 4)),
                op("norm L2", v -> Functions.norm(v[0]), randn(9, 3, 4)),
                op("norm L3 axis 1", v -> Functions.norm(v[0], 3, false, 1), randn(10, 3, 4)),
                op("norm L1 axis 0 keepDims", v -> Functions.norm(v[0], 1, true, 0), randn(11, 3, 4)),
                op("norm Linf", v -> Functions.norm(v[0], Double.POSITIVE_INFINITY, false), randn(12, 3, 4)),
                op("softmax axis 1", v -> Functions.softmax(v[0], 1), randn(13, 3, 4)),
                op("softmax axis 0", v -> Functions.softmax(v[0], 0), randn(14, 3, 4)),
                op("logSoftmax axis -1", v -> Functions.logSoftmax(v[0], -1), randn(15, 3, 4)),
                op("logSumExp axis 1", v -> Functions.logSumExp(v[0], false, 1), randn(16, 3, 4)),
                op("logSumExp all keepDims", v -> Functions.logSumExp(v[0], true), randn(17, 3, 4)),
                op("logSumExp axes 0,2", v -> Functions.logSumExp(v[0], false, 0, 2), randn(18, 2, 3, 2)),
                op("gelu", v -> Functions.gelu(v[0]), uniform(19, -4, 4, 3, 4)),
                op("softplus", v -> Functions.softplus(v[0]), randn(20, 3, 4).mul(5)),
                op("logSigmoid", v -> Functions.logSigmoid(v[0]), randn(21, 3, 4).mul(5)),
                op("mlp-like chain", v -> Functions.logSoftmax(v[0].matmul(v[1]).add(v[2]).tanh(), 1).mean(),
                        randn(22, 3, 4), randn(23, 4, 5), randn(24, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composites")
    void gradcheckPasses(String name, Function<Variable[], Variable> f, Tensor[] inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(), name + ": " + r);
    }
}
