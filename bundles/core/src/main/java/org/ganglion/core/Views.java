package org.ganglion.core;

import java.util.Arrays;

/** Shape-only operations: new strides over the same storage, or a copy when no strides fit. */
final class Views {
    private Views() {}

    private static Tensor view(Tensor t, int[] shape, int[] strides, int offset) {
        return new Tensor(t.storage, t.dtype, shape, strides, offset);
    }

    static Tensor reshape(Tensor t, int[] requested) {
        int[] shape = inferShape(t, requested);
        if (Arrays.equals(shape, t.shape)) return t;
        int[] strides = viewStrides(t.shape, t.strides, shape);
        if (strides != null) return view(t, shape, strides, t.offset);
        Tensor c = t.copy();
        return view(c, shape, org.ganglion.core.spi.Strided.rowMajorStrides(shape), 0);
    }

    private static int[] inferShape(Tensor t, int[] requested) {
        int[] shape = requested.clone();
        int unknown = -1, known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) throw ShapeMismatchException.of("reshape", "only one dimension may be -1", t.shape, requested);
                unknown = i;
            } else if (shape[i] < 0) {
                throw ShapeMismatchException.of("reshape", "negative dimension", t.shape, requested);
            } else {
                known *= shape[i];
            }
        }
        int n = t.numel();
        if (unknown >= 0) {
            if (known == 0 || n % known != 0) throw ShapeMismatchException.of("reshape", "cannot infer the -1 dimension", t.shape, requested);
            shape[unknown] = n / known;
        } else if (known != n) {
            throw ShapeMismatchException.of("reshape", n + " elements do not fit", t.shape, requested);
        }
        return shape;
    }

    /**
     * Strides that give {@code newShape} over the same memory, or null when a copy is needed
     * (PyTorch's {@code computeStride}: walk chunks of old dimensions that are contiguous together).
     */
    static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        if (Shape.numel(newShape) == 0 || oldShape.length == 0) return null;
        int[] ns = new int[newShape.length];
        int viewD = newShape.length - 1;
        long chunkBase = oldStrides[oldShape.length - 1], tensorNumel = 1, viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            if (d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    ns[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? ns : null;
    }

    static Tensor transpose(Tensor t, int a0, int a1) {
        int r = t.rank();
        int a = Shape.axis("transpose", a0, r), b = Shape.axis("transpose", a1, r);
        int[] order = new int[r];
        for (int i = 0; i < r; i++) order[i] = i;
        order[a] = b;
        order[b] = a;
        return permute(t, order);
    }

    static Tensor permute(Tensor t, int[] order) {
        int r = t.rank();
        if (order.length != r) throw ShapeMismatchException.of("permute", "order " + Arrays.toString(order) + " does not name every axis", t.shape);
        boolean[] seen = new boolean[r];
        int[] shape = new int[r], strides = new int[r];
        for (int i = 0; i < r; i++) {
            int a = Shape.axis("permute", order[i], r);
            if (seen[a]) throw ShapeMismatchException.of("permute", "axis " + a + " repeated in " + Arrays.toString(order), t.shape);
            seen[a] = true;
            shape[i] = t.shape[a];
            strides[i] = t.strides[a];
        }
        return view(t, shape, strides, t.offset);
    }

    static Tensor slice(Tensor t, int axis, int start, int end, int step) {
        int a = Shape.axis("slice", axis, t.rank());
        int n = t.shape[a];
        if (step <= 0) throw new IllegalArgumentException("slice: step must be positive, got " + step);
        int s = clampIndex(start, n), e = clampIndex(end, n);
        int len = e <= s ? 0 : (e - s + step - 1) / step;
        int[] shape = t.shape.clone(), strides = t.strides.clone();
        shape[a] = len;
        strides[a] = t.strides[a] * step;
        return view(t, shape, strides, len == 0 ? t.offset : t.offset + s * t.strides[a]);
    }

    private static int clampIndex(int i, int n) {
        int j = i < 0 ? i + n : i;
        return Math.max(0, Math.min(n, j));
    }

    static Tensor expand(Tensor t, int[] shape) {
        int r = shape.length;
        if (r < t.rank()) throw ShapeMismatchException.of("expand", "target has fewer dimensions", t.shape, shape);
        int[] strides = new int[r];
        for (int i = 0; i < r; i++) {
            int j = i - (r - t.rank());
            int d = j < 0 ? 1 : t.shape[j];
            if (d == shape[i]) strides[i] = j < 0 ? 0 : t.strides[j];
            else if (d == 1) strides[i] = 0;
            else throw ShapeMismatchException.of("expand", "dimension " + i + " of size " + d + " cannot become " + shape[i], t.shape, shape);
        }
        return view(t, shape.clone(), strides, t.offset);
    }

    static Tensor squeeze(Tensor t) {
        int n = 0;
        for (int d : t.shape) if (d != 1) n++;
        int[] shape = new int[n], strides = new int[n];
        for (int i = 0, j = 0; i < t.rank(); i++) if (t.shape[i] != 1) { shape[j] = t.shape[i]; strides[j++] = t.strides[i]; }
        return view(t, shape, strides, t.offset);
    }

    static Tensor squeeze(Tensor t, int axis) {
        int a = Shape.axis("squeeze", axis, t.rank());
        if (t.shape[a] != 1) throw ShapeMismatchException.of("squeeze", "dimension " + a + " has size " + t.shape[a] + ", not 1", t.shape);
        return view(t, remove(t.shape, a), remove(t.strides, a), t.offset);
    }

    static Tensor unsqueeze(Tensor t, int axis) {
        int a = Shape.axis("unsqueeze", axis, t.rank() + 1);
        int inner = a < t.rank() ? t.strides[a] * t.shape[a] : 1;
        return view(t, insert(t.shape, a, 1), insert(t.strides, a, inner), t.offset);
    }

    static int[] remove(int[] a, int i) {
        int[] r = new int[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    static int[] insert(int[] a, int i, int v) {
        int[] r = new int[a.length + 1];
        System.arraycopy(a, 0, r, 0, i);
        r[i] = v;
        System.arraycopy(a, i, r, i + 1, a.length - i);
        return r;
    }
}
