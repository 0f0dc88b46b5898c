package org.ganglion.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.ganglion.core.DType;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.MatmulSpec;
import org.junit.jupiter.api.Test;

/** A JVM started without {@code --add-modules jdk.incubator.vector} gets the scalar kernels, one log line, right answers. */
class NoVectorModuleTest {
    @Test
    void fallsBackToScalarKernels() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("kernel=scalar-4x8 c=[19.0, 22.0, 43.0, 50.0]"), out);
        assertTrue(out.contains("jdk.incubator.vector is not in the boot layer"), out);
    }

    /** Runs in the child JVM. */
    public static final class Main {
        public static void main(String[] args) {
            try (EjmlDevice d = new EjmlDevice(2)) {
                DeviceBuffer a = d.allocate(DType.FLOAT32, 4), b = d.allocate(DType.FLOAT32, 4), c = d.allocate(DType.FLOAT32, 4);
                d.upload(a, new float[] {1, 2, 3, 4});
                d.upload(b, new float[] {5, 6, 7, 8});
                d.matmul(MatmulSpec.of(2, 2, 2), a, b, c);
                System.out.println("kernel=" + d.gemmKernel() + " c=" + java.util.Arrays.toString((float[]) d.download(c)));
            }
        }
    }
}
