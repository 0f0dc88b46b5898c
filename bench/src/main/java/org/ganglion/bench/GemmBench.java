package org.ganglion.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ganglion.backend.ejml.EjmlDevice;
import org.ganglion.core.DType;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.MatmulSpec;

/**
 * fp32 square GEMM GFLOP/s (2n³/t) through {@link EjmlDevice#matmul}, the path a tensor matmul
 * takes on the CPU device. Buffers are allocated and filled once; each size is warmed up for a
 * fixed time, then timed in rounds of at least {@code round} seconds (and 2 calls); one JSON line
 * per size and thread count with the median, min, max and every round.
 *
 * <pre>usage: GemmBench [--sizes 256,512,1024,2048] [--threads 2,1] [--warmup 3] [--round 1] [--rounds 5]</pre>
 */
public final class GemmBench {
    private GemmBench() {}

    public static void main(String[] args) {
        int[] sizes = ints(arg(args, "--sizes", "256,512,1024,2048"));
        int[] threads = ints(arg(args, "--threads", "2,1"));
        double warmup = Double.parseDouble(arg(args, "--warmup", "3"));
        double round = Double.parseDouble(arg(args, "--round", "1"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "5"));
        for (int t : threads) {
            try (EjmlDevice dev = new EjmlDevice(t)) {
                for (int n : sizes) System.out.println(run(dev, n, warmup, round, rounds));
            }
        }
    }

    static String run(EjmlDevice dev, int n, double warmupS, double roundS, int rounds) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] ha = new float[n * n], hb = new float[n * n];
        for (int i = 0; i < ha.length; i++) { ha[i] = (float) (rnd.nextDouble() * 2 - 1); hb[i] = (float) (rnd.nextDouble() * 2 - 1); }
        DeviceBuffer a = dev.allocate(DType.FLOAT32, n * n), b = dev.allocate(DType.FLOAT32, n * n), c = dev.allocate(DType.FLOAT32, n * n);
        dev.upload(a, ha);
        dev.upload(b, hb);
        MatmulSpec spec = MatmulSpec.of(n, n, n);
        Runnable op = () -> dev.matmul(spec, a, b, c);
        long end = System.nanoTime() + (long) (warmupS * 1e9);
        for (int w = 0; w < 3 || System.nanoTime() < end; w++) op.run();
        double[] r = new double[rounds];
        // process CPU time per wall time over the timed rounds: ~threads when every thread computes;
        // ~1 with 2 threads means the helper sat idle (the host's one-core phases do not show here)
        long cpu0 = cpuNanos(), wall0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            int reps = 0;
            long t0 = System.nanoTime(), dt;
            do { op.run(); reps++; dt = System.nanoTime() - t0; } while (reps < 2 || dt < roundS * 1e9);
            r[i] = spec.flops() * reps / dt;   // flop per ns = GFLOP/s
        }
        double cpuPerWall = (cpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
        check(ha, hb, (float[]) dev.download(c), n, rnd);
        double[] s = r.clone();
        Arrays.sort(s);
        List<String> rs = new ArrayList<>();
        for (double v : r) rs.add(String.format(Locale.ROOT, "%.2f", v));
        return String.format(Locale.ROOT,
                "{\"bench\":\"gemm\",\"lib\":\"ganglion\",\"kernel\":\"%s\",\"n\":%d,\"threads\":%d,\"median\":%.2f,\"min\":%.2f,\"max\":%.2f,\"rounds\":[%s],\"cpu_per_wall\":%.2f,\"java\":\"%s %s\"}",
                dev.gemmKernel(), n, dev.threads(), s[rounds / 2], s[0], s[rounds - 1], String.join(",", rs), cpuPerWall,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Spot-checks a few elements against a double-precision dot product. */
    private static void check(float[] a, float[] b, float[] c, int n, SplittableRandom rnd) {
        for (int t = 0; t < 8; t++) {
            int i = rnd.nextInt(n), j = rnd.nextInt(n);
            double ref = 0;
            for (int p = 0; p < n; p++) ref += (double) a[i * n + p] * b[p * n + j];
            if (Math.abs(ref - c[i * n + j]) > 1e-4 * Math.sqrt(n))
                throw new AssertionError("wrong product at (" + i + "," + j + "): " + c[i * n + j] + " vs " + ref);
        }
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return dflt;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
