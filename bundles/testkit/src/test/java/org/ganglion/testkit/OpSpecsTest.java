package org.ganglion.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ReduceOp;
import org.ganglion.core.spi.UnaryOp;
import org.junit.jupiter.api.Test;

/** The table itself: it covers the whole Tensor API and every primitive, and each family has its edge cases. */
class OpSpecsTest {
    /** Public Tensor methods that are properties or host conversion rather than operations. */
    private static final Set<String> NOT_OPS = Set.of("dtype", "shape", "rank", "numel", "device", "isContiguous", "close", "toString", "item");

    private static Set<String> covered() {
        return OpSpecs.all().stream().flatMap(s -> s.covers().stream()).map(c -> c.replaceFirst("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPublicTensorOperationHasASpec() {
        Set<String> api = Arrays.stream(Tensor.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).filter(n -> !NOT_OPS.contains(n)).collect(Collectors.toCollection(TreeSet::new));
        api.removeAll(covered());
        assertEquals(Set.of(), api, "Tensor methods without an OpSpec: add a spec (or a covers(...) entry) for each");
    }

    @Test
    void everyCoveredNameIsARealTensorMethodOrAComposite() {
        Set<String> methods = Arrays.stream(Tensor.class.getMethods()).map(Method::getName).collect(Collectors.toSet());
        for (OpSpec s : OpSpecs.all())
            if (!s.family().equals("composite") && !s.name().equals("fromArray"))
                for (String c : s.covers())
                    assertTrue(methods.contains(c.replaceFirst("\\(.*", "")), () -> s.name() + " covers unknown method " + c);
    }

    @Test
    void everyPrimitiveIsInTheTable() {
        for (UnaryOp op : UnaryOp.values()) {
            String name = op == UnaryOp.IS_NAN ? "isNan" : op.name().toLowerCase(Locale.ROOT);
            assertTrue(OpSpecs.find(name).isPresent(), name);
        }
        for (BinaryOp op : BinaryOp.values()) {
            String name = switch (op) {
                case MAX -> "maximum";
                case MIN -> "minimum";
                default -> op.name().toLowerCase(Locale.ROOT);
            };
            assertTrue(OpSpecs.find(name).isPresent(), name);
        }
        for (ReduceOp op : ReduceOp.values()) assertTrue(OpSpecs.find(op.name().toLowerCase(Locale.ROOT)).isPresent(), op.name());
        for (String c : new String[] {"softmax", "logSoftmax", "logSumExp", "variance", "norm", "mean"})
            assertTrue(OpSpecs.find(c).orElseThrow().differentiable(), c + " is gradient-checked");
        for (Activation act : Activation.values())
            assertTrue(OpSpecs.find("linear").orElseThrow().samples().stream().anyMatch(s -> s.args().toString().contains("act=" + act)));
    }

    @Test
    void elementwiseAndReductionFamiliesSampleTheEdgeCases() {
        for (String family : new String[] {"unary", "binary", "reduce"})
            for (OpSpec s : OpSpecs.family(family)) {
                if (s.name().equals("not") || s.name().equals("where") || s.name().startsWith("arg")) continue;
                Set<DType> dtypes = s.samples().stream().flatMap(x -> x.inputs().stream()).map(TensorSource::dtype).collect(Collectors.toSet());
                assertTrue(dtypes.containsAll(Set.of(DType.FLOAT32, DType.FLOAT64)), s.name() + " samples float32 and float64");
                assertTrue(s.samples().stream().anyMatch(x -> x.inputs().stream().anyMatch(i -> Arrays.stream(i.baseShape()).anyMatch(d -> d == 0))),
                        s.name() + " samples an empty tensor");
                assertTrue(s.samples().stream().anyMatch(x -> x.inputs().stream().anyMatch(i -> i.toString().contains(".T") || i.toString().contains(".slice"))),
                        s.name() + " samples a non-contiguous view");
            }
        for (String op : new String[] {"add", "sub", "mul", "div", "pow", "maximum", "minimum", "mod"}) {
            OpSpec s = OpSpecs.find(op).orElseThrow();
            assertTrue(s.samples().stream().anyMatch(x -> x.name().contains("[3,1] with [1,4]")), op + " broadcasts [3,1] with [1,4]");
            assertTrue(s.samples().stream().anyMatch(x -> x.name().contains("[2,3] with [3]")), op + " broadcasts [2,3] with [3]");
            assertTrue(s.errors().stream().anyMatch(e -> e.type() == org.ganglion.core.ShapeMismatchException.class), op + " has a shape error");
        }
    }

    @Test
    void differentiableOpsHaveGradientSamplesAndErrorsNameTheirOp() {
        for (OpSpec s : OpSpecs.all()) {
            assertFalse(s.samples().isEmpty(), s.name());
            if (s.differentiable()) assertFalse(s.gradSamples().isEmpty(), s.name() + " is differentiable but has no gradient-check sample");
            for (ErrorInput e : s.errors()) assertFalse(e.fragment().isBlank(), s.name() + "[" + e.name() + "] needs a message fragment");
        }
        assertTrue(OpSpecs.all().size() >= 80, "the table has " + OpSpecs.all().size() + " ops");
    }
}
