package org.ganglion.autograd;

import static org.ganglion.autograd.TestTensors.longs;
import static org.ganglion.autograd.TestTensors.randn;
import static org.ganglion.autograd.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradcheck (float64 central differences) for every primitive's VJP rule, on random inputs. */
class PrimitiveGradTest {
    private static Arguments op(String name, Function<Variable[], Variable> f, Tensor... inputs) {
        return Arguments.of(name, f, inputs);
    }

    static Stream<Arguments> elementwise() {
        return Stream.of(
                op("add [3,1]+[1,4]", v -> v[0].add(v[1]), randn(1, 3, 1), randn(2, 1, 4)),
                op("add [2,3]+[3]", v -> v[0].add(v[1]), randn(3, 2, 3), randn(4, 3)),
                op("add scalar", v -> v[0].add(2.5), randn(5, 2, 3)),
                op("sub [3,1]-[1,4]", v -> v[0].sub(v[1]), randn(6, 3, 1), randn(7, 1, 4)),
                op("mul [3,1]*[1,4]", v -> v[0].mul(v[1]), randn(8, 3, 1), randn(9, 1, 4)),
                op("mul [2,3]*rank0", v -> v[0].mul(v[1]), randn(10, 2, 3), Tensor.scalar(1.7, DType.FLOAT64)),
                op("div [3,1]/[1,4]", v -> v[0].div(v[1]), randn(11, 3, 1), uniform(12, 0.5, 2, 1, 4)),
                op("pow [3,1]^[1,4]", v -> v[0].pow(v[1]), uniform(13, 0.5, 2, 3, 1), randn(14, 1, 4)),
                op("pow x^3 (constant exponent)", v -> v[0].pow(3), randn(15, 3, 4)),
                op("pow 2^x (constant base)", v -> Variable.of(Tensor.scalar(2, DType.FLOAT64)).pow(v[0]), randn(16, 5)),
                op("maximum [3,1],[1,4]", v -> v[0].maximum(v[1]), randn(17, 3, 1), randn(18, 1, 4)),
                op("minimum [3,1],[1,4]", v -> v[0].minimum(v[1]), randn(19, 3, 1), randn(20, 1, 4)),
                op("where", v -> Variable.where(randn(21, 3, 4).gt(0), v[0], v[1]), randn(22, 3, 1), randn(23, 1, 4)),
                op("neg", v -> v[0].neg(), randn(24, 3, 4)),
                op("exp", v -> v[0].exp(), randn(25, 3, 4)),
                op("expm1", v -> v[0].expm1(), randn(26, 3, 4)),
                op("log", v -> v[0].log(), uniform(27, 0.2, 3, 3, 4)),
                op("log1p", v -> v[0].log1p(), uniform(28, -0.5, 3, 3, 4)),
                op("sqrt", v -> v[0].sqrt(), uniform(29, 0.2, 3, 3, 4)),
                op("reciprocal", v -> v[0].reciprocal(), uniform(30, 0.3, 3, 3, 4)),
                op("sin", v -> v[0].sin(), randn(31, 3, 4)),
                op("cos", v -> v[0].cos(), randn(32, 3, 4)),
                op("tanh", v -> v[0].tanh(), randn(33, 3, 4)),
                op("sigmoid", v -> v[0].sigmoid(), randn(34, 3, 4)),
                op("erf", v -> v[0].erf(), uniform(35, -3, 3, 3, 4)),
                op("erf in the tails", v -> v[0].erf(), TestTensors.of(-4.5, -2.5, -2.0, 1.99, 2.01, 3.2, 5.5)),
                op("abs", v -> v[0].abs(), randn(36, 3, 4)),
                op("to float32 and back", v -> v[0].to(DType.FLOAT32).mul(2).to(DType.FLOAT64), randn(37, 2, 3)));
    }

    static Stream<Arguments> reductionsAndProducts() {
        return Stream.of(
                op("sum all", v -> v[0].sum(), randn(40, 2, 3, 4)),
                op("sum axis 1", v -> v[0].sum(1), randn(41, 2, 3, 4)),
                op("sum axes 0,2 keepDims", v -> v[0].sum(true, 0, 2), randn(42, 2, 3, 4)),
                op("sum axis -1", v -> v[0].sum(-1), randn(43, 3, 4)),
                op("max all", v -> v[0].max(), randn(44, 3, 4)),
                op("max axis 1", v -> v[0].max(1), randn(45, 3, 4)),
                op("max axes 0,2 keepDims", v -> v[0].max(true, 0, 2), randn(46, 2, 3, 4)),
                op("min axis 0", v -> v[0].min(0), randn(47, 3, 4)),
                op("min all keepDims", v -> v[0].min(true), randn(48, 3, 4)),
                op("matmul [3,4]x[4,5]", v -> v[0].matmul(v[1]), randn(50, 3, 4), randn(51, 4, 5)),
                op("matmul [2,3,4]x[4,5]", v -> v[0].matmul(v[1]), randn(52, 2, 3, 4), randn(53, 4, 5)),
                op("matmul [4]x[2,4,3]", v -> v[0].matmul(v[1]), randn(54, 4), randn(55, 2, 4, 3)),
                op("matmul [2,3,4]x[4]", v -> v[0].matmul(v[1]), randn(56, 2, 3, 4), randn(57, 4)),
                op("matmul [4]x[4]", v -> v[0].matmul(v[1]), randn(58, 4), randn(59, 4)),
                op("matmul [2,3,4]x[2,4,2]", v -> v[0].matmul(v[1]), randn(60, 2, 3, 4), randn(61, 2, 4, 2)),
                op("matmul [2,1,2,3]x[3,3,2] broadcast batch", v -> v[0].matmul(v[1]), randn(62, 2, 1, 2, 3), randn(63, 3, 3, 2)),
                op("matmul transposed view", v -> v[0].t().matmul(v[1]), randn(64, 4, 3), randn(65, 4, 2)),
                op("linear none", v -> Variable.linear(v[0], v[1], v[2], Activation.NONE), randn(66, 3, 4), randn(67, 4, 2), randn(68, 2)),
                op("linear relu", v -> Variable.linear(v[0], v[1], v[2], Activation.RELU), randn(69, 3, 4), randn(70, 4, 2), randn(71, 2)),
                op("linear sigmoid", v -> Variable.linear(v[0], v[1], v[2], Activation.SIGMOID), randn(72, 3, 4), randn(73, 4, 2), randn(74, 2)),
                op("linear tanh no bias", v -> Variable.linear(v[0], v[1], null, Activation.TANH), randn(75, 3, 4), randn(76, 4, 2)));
    }

    static Stream<Arguments> viewsAndIndexing() {
        return Stream.of(
                op("reshape", v -> v[0].reshape(4, -1), randn(80, 2, 3, 2)),
                op("flatten", v -> v[0].flatten(), randn(81, 2, 3)),
                op("transpose", v -> v[0].transpose(0, 2), randn(82, 2, 3, 4)),
                op("t", v -> v[0].t(), randn(83, 3, 4)),
                op("permute", v -> v[0].permute(2, 0, 1), randn(84, 2, 3, 4)),
                op("slice unit step", v -> v[0].slice(1, 1, 3), randn(85, 3, 4)),
                op("slice step 2", v -> v[0].slice(1, 0, 5, 2), randn(86, 2, 5)),
                op("slice negative start", v -> v[0].slice(0, -2, 4), randn(87, 4, 2)),
                op("expand [3,1]->[2,3,4]", v -> v[0].expand(2, 3, 4), randn(88, 3, 1)),
                op("squeeze", v -> v[0].squeeze(), randn(89, 1, 3, 1)),
                op("squeeze axis", v -> v[0].squeeze(2), randn(90, 2, 3, 1)),
                op("unsqueeze", v -> v[0].unsqueeze(1), randn(91, 2, 3)),
                op("concat axis 1", v -> Variable.concat(1, v[0], v[1], v[2]), randn(92, 2, 1), randn(93, 2, 3), randn(94, 2, 2)),
                op("pad", v -> v[0].pad(new int[] {1, 0}, new int[] {0, 2}, 0.5), randn(95, 2, 3)),
                op("gather axis 1", v -> v[0].gather(1, v[1].value()), randn(96, 3, 4), longs(new int[] {3, 2}, 3, 0, 1, 1, 2, 0)),
                op("scatterAdd", v -> v[0].scatterAdd(0, longs(new int[] {2, 3}, 1, 0, 1, 1, 1, 0), v[1]), randn(97, 2, 3), randn(98, 2, 3)),
                op("indexSelect repeated", v -> v[0].indexSelect(0, longs(new int[] {4}, 2, 0, 2, 1)), randn(99, 3, 2)),
                op("indexAdd", v -> v[0].indexAdd(1, longs(new int[] {3}, 0, 2, 0), v[1]), randn(100, 2, 3), randn(101, 2, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"elementwise", "reductionsAndProducts", "viewsAndIndexing"})
    void gradcheckPasses(String name, Function<Variable[], Variable> f, Tensor[] inputs) {
        GradCheck.Options options = name.startsWith("to float32")
                ? GradCheck.Options.defaults().withEps(1e-3).withAtol(1e-3).withRtol(1e-2) // float32 rounding in the middle
                : GradCheck.Options.defaults();
        GradCheck.Result r = GradCheck.check(options, f, inputs);
        assertTrue(r.passed(), name + ": " + r);
        assertTrue(r.entriesCompared() > 0, name + ": nothing was compared");
    }
}
