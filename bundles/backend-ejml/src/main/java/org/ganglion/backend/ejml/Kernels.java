package org.ganglion.backend.ejml;

import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.MatmulSpec;

/**
 * Picks the Vector API kernels when {@code jdk.incubator.vector} is usable, else the scalar ones.
 * The vector classes are only touched by reflection after the module check, so a JVM started
 * without {@code --add-modules jdk.incubator.vector} (or an OSGi framework whose system bundle does
 * not export it: the import is optional) never tries to link them.
 */
record Kernels(Sgemm sgemm, FloatOps ops) {
    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    static Kernels scalar() { return new Kernels(new ScalarSgemm(), new FloatOps()); }

    static Kernels select() {
        if (Boolean.getBoolean("ganglion.cpu.scalar")) {
            LOG.log(System.Logger.Level.INFO, "CPU device: scalar kernels (ganglion.cpu.scalar=true)");
            return scalar();
        }
        if (!vectorModulePresent()) {
            LOG.log(System.Logger.Level.WARNING, "CPU device: jdk.incubator.vector is not in the boot layer; using the scalar "
                    + "GEMM (start the JVM with --add-modules jdk.incubator.vector for ~20x faster matmul)");
            return scalar();
        }
        try {
            ClassLoader cl = Kernels.class.getClassLoader();
            Sgemm g = (Sgemm) Class.forName(Kernels.class.getPackageName() + ".VectorSgemm", true, cl)
                    .getDeclaredConstructor().newInstance();
            FloatOps o = (FloatOps) Class.forName(Kernels.class.getPackageName() + ".VectorFloatOps", true, cl)
                    .getDeclaredConstructor().newInstance();
            // link every vector code path once, so a missing package import fails here and not mid-training
            float[] c = new float[1];
            g.gemm(MatmulSpec.of(1, 1, 1), new float[] {2f}, new float[] {3f}, c, new float[] {1f}, 0, Activation.SIGMOID, null);
            o.unary(org.ganglion.core.spi.UnaryOp.EXP, new float[64], 0, new float[64], 0, 64);
            if (Math.abs(c[0] - 0.99908894f) > 1e-6f) throw new IllegalStateException("vector GEMM self-check gave " + c[0]);
            return new Kernels(g, o);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CPU device: Vector API kernels unusable (" + e + "); using the scalar GEMM");
            return scalar();
        }
    }
}
