package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files we write are readable by code that knows only the safetensors layout, not Ganglion. */
class SafetensorsInteropTest {
    @TempDir
    Path dir;

    private Path written() throws Exception {
        Path file = dir.resolve("weights.safetensors");
        StateDict d = new StateDict()
                .put("dense.kernel", Tensor.of(new float[] {1.5f, -2.25f, 3, 0.125f, 5, -6}, 2, 3))
                .put("dense.bias", Tensor.of(new double[] {0.5, -0.5}, 2))
                .put("steps", Tensor.of(new long[] {7, 1L << 40}, 2))
                .put("mask", Tensor.of(new boolean[] {true, false, true}, 3));
        Checkpoint.write(file, new Checkpoint.Contents(d, Map.of("framework", "ganglion")));
        return file;
    }

    /** Parses the header with a regular expression and decodes bytes by hand: no Ganglion code on the read side. */
    @Test
    void aHandRolledReaderFindsEveryTensor() throws Exception {
        byte[] bytes = Files.readAllBytes(written());
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) buf.getLong(0);
        String header = new String(bytes, 8, n, StandardCharsets.UTF_8);
        assertTrue(header.endsWith("}") || header.stripTrailing().endsWith("}"), header);
        Matcher m = Pattern.compile("\"([a-z.]+)\":\\{\"dtype\":\"(\\w+)\",\"shape\":\\[([0-9,]*)\\],\"data_offsets\":\\[(\\d+),(\\d+)\\]\\}").matcher(header);
        java.util.Map<String, String[]> found = new java.util.HashMap<>();
        while (m.find()) found.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5)});
        assertEquals(java.util.Set.of("dense.kernel", "dense.bias", "steps", "mask"), found.keySet());
        int data = 8 + n;
        String[] k = found.get("dense.kernel");
        assertEquals(List.of("F32", "2,3"), List.of(k[0], k[1]));
        float[] kernel = new float[6];
        for (int i = 0; i < 6; i++) kernel[i] = buf.getFloat(data + Integer.parseInt(k[2]) + 4 * i);
        assertArrayEquals(new float[] {1.5f, -2.25f, 3, 0.125f, 5, -6}, kernel);
        String[] s = found.get("steps");
        assertEquals("I64", s[0]);
        assertEquals(1L << 40, buf.getLong(data + Integer.parseInt(s[2]) + 8));
        String[] b = found.get("dense.bias");
        assertEquals("F64", b[0]);
        assertEquals(-0.5, buf.getDouble(data + Integer.parseInt(b[2]) + 8));
        String[] mask = found.get("mask");
        assertEquals("BOOL", mask[0]);
        assertEquals(0, bytes[data + Integer.parseInt(mask[2]) + 1]);
        assertTrue(header.contains("\"framework\":\"ganglion\""), header);
    }

    /**
     * When Python with numpy is installed, it reads the file the same way; when the safetensors
     * package is installed too, so does the reference reader, and we read a file it wrote.
     */
    @Test
    void pythonReadsTheFile() throws Exception {
        Path file = written();
        String script = String.join("\n",
                "import json, struct, sys",
                "import numpy as np",
                "raw = open(sys.argv[1], 'rb').read()",
                "n = struct.unpack('<Q', raw[:8])[0]",
                "h = json.loads(raw[8:8 + n])",
                "types = {'F32': '<f4', 'F64': '<f8', 'I64': '<i8', 'BOOL': '?'}",
                "out = {}",
                "for k, v in h.items():",
                "    if k == '__metadata__': continue",
                "    b, e = v['data_offsets']",
                "    out[k] = np.frombuffer(raw[8 + n + b:8 + n + e], dtype=types[v['dtype']]).reshape(v['shape']).tolist()",
                "try:",
                "    from safetensors.numpy import load_file",
                "    st = load_file(sys.argv[1])",
                "    assert all(np.array_equal(np.array(out[k]), st[k]) for k in out), 'safetensors disagrees'",
                "    out['reader'] = 'safetensors'",
                "    import hashlib",
                "    from safetensors.numpy import save_file",
                "    t = {'x': np.arange(6, dtype=np.float32).reshape(2, 3), 'y': np.array([1, 2], dtype=np.int64), 'z': np.zeros((), dtype=np.float64)}",
                "    save_file(t, sys.argv[2])",
                "    r = open(sys.argv[2], 'rb').read()",
                "    sha = hashlib.sha256(r[8 + struct.unpack('<Q', r[:8])[0]:]).hexdigest()",
                "    save_file(t, sys.argv[2], metadata={'ganglion.format_version': '1', 'ganglion.data_sha256': sha})",
                "except ImportError:",
                "    out['reader'] = 'numpy'",
                "print(json.dumps(out, sort_keys=True))");
        Path py = dir.resolve("read.py"), fromPython = dir.resolve("python.safetensors");
        Files.writeString(py, script);
        Process p;
        try {
            p = new ProcessBuilder("python3", py.toString(), file.toString(), fromPython.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(!out.contains("No module named 'numpy'"), "numpy is not installed");
        assertEquals(0, p.exitValue(), out);
        Map<String, Object> read = ModelSpec.cast(Json.parse(out.substring(out.lastIndexOf('\n') + 1)));
        assertEquals(List.of(List.of(1.5, -2.25, 3.0), List.of(0.125, 5.0, -6.0)), read.get("dense.kernel"));
        assertEquals(List.of(0.5, -0.5), read.get("dense.bias"));
        assertEquals(List.of(7L, 1L << 40), read.get("steps"));
        assertEquals(List.of(true, false, true), read.get("mask"));
        if (read.get("reader").equals("safetensors")) {     // and we read what the safetensors library writes
            StateDict t = Checkpoint.read(fromPython).tensors();
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, t.get("x").toFloatArray());
            assertArrayEquals(new int[] {2, 3}, t.get("x").shape());
            assertArrayEquals(new long[] {1, 2}, t.get("y").toLongArray());
            assertEquals(0, t.get("z").rank());
        }
    }
}
