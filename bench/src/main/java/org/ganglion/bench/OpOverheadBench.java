package org.ganglion.bench;

import java.util.concurrent.TimeUnit;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed cost of one small elementwise op (add on 128×256 float32) on the active device: plain
 * tensors, variables that record for autograd, and constants that do not.
 * Run: {@code bench/jmh.sh OpOverheadBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OpOverheadBench {
    private Tensor a, b;
    private Variable va, vb, ca, cb;

    @Setup
    public void setup() {
        a = Tensor.rand(RandomKey.of(1), DType.FLOAT32, 128, 256);
        b = Tensor.rand(RandomKey.of(2), DType.FLOAT32, 128, 256);
        va = Variable.param(a);
        vb = Variable.param(b);
        ca = Variable.of(a);
        cb = Variable.of(b);
    }

    @Benchmark
    public Tensor tensorAdd() { return a.add(b); }

    @Benchmark
    public Variable variableAddRecording() { return va.add(vb); }

    @Benchmark
    public Variable variableAddConstant() { return ca.add(cb); }
}
