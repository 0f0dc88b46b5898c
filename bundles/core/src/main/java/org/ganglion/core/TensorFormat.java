package org.ganglion.core;

import java.util.Arrays;

/** Readable text for tensors: header with dtype, shape and device, then nested rows (long dims elided). */
final class TensorFormat {
    private static final int EDGE = 3, FULL = 8;

    private TensorFormat() {}

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("Tensor(").append(t.dtype.name().toLowerCase(java.util.Locale.ROOT))
                .append(", ").append(Arrays.toString(t.shape));
        org.ganglion.core.spi.ComputeDevice d = t.storage.cell.device();
        if (d == null) return sb.append(", freed)").toString();
        sb.append(", ").append(d.id()).append(")\n");
        double[] v = t.numel() <= 1_000_000 ? t.toDoubleArray() : null;
        if (v == null) return sb.append("[").append(t.numel()).append(" elements]").toString();
        append(sb, t, v, 0, 0, 1);
        return sb.toString();
    }


    private static int append(StringBuilder sb, Tensor t, double[] v, int dim, int at, int indent) {
        if (dim == t.rank()) {
            sb.append(number(v[at], t.dtype));
            return at + 1;
        }
        int n = t.shape[dim], stride = Reductions.prod(t.shape, dim + 1, t.rank());
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (n > FULL && i == EDGE) {
                sb.append(dim == t.rank() - 1 ? "..., " : "...,\n" + " ".repeat(indent));
                i = n - EDGE;
            }
            append(sb, t, v, dim + 1, at + i * stride, indent + 1);
            if (i < n - 1) sb.append(dim == t.rank() - 1 ? ", " : ",\n" + " ".repeat(indent));
        }
        sb.append(']');
        return at + n * stride;
    }

    private static String number(double x, DType dt) {
        if (dt == DType.BOOL) return x != 0 ? "true" : "false";
        if (dt.isInteger()) return Long.toString((long) x);
        if (x == Math.rint(x) && Math.abs(x) < 1e7) return String.format(java.util.Locale.ROOT, "%.1f", x);
        return String.format(java.util.Locale.ROOT, "%.4g", x);
    }
}
