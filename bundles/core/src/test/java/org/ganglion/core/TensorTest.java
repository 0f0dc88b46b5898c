package org.ganglion.core;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TensorTest {
    private static Tensor seq(int... shape) {
        int n = Shape.numel(shape);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape);
    }

    @Test
    void createsAndConvertsBack() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(DType.FLOAT32, t.dtype());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toFloatArray());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, t.toLongArray());
        assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toDoubleArray());
        assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2, DType.FLOAT64).toDoubleArray());
        assertEquals(28.0, Tensor.full(7, DType.INT32, 2, 2).sum().item());
        assertArrayEquals(new boolean[] {true, false}, Tensor.of(new double[] {2, 0}).toBooleanArray());
        assertEquals(3.5, Tensor.scalar(3.5, DType.FLOAT64).item());
        assertEquals(0, Tensor.scalar(1).rank());
    }

    @Test
    void rejectsDataThatDoesNotFillTheShape() {
        var e = assertThrows(ShapeMismatchException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.fromArray(new String[1]));
    }

    @Test
    void viewsShareStorageWithoutCopying() {
        Tensor t = seq(2, 3, 4);
        Tensor tr = t.transpose(0, 2);
        assertSame(t.storage, tr.storage);
        assertArrayEquals(new int[] {4, 3, 2}, tr.shape());
        assertEquals(t.toFloatArray()[1 * 12 + 2 * 4 + 3], tr.contiguous().toFloatArray()[3 * 6 + 2 * 2 + 1]);
        Tensor r = t.reshape(6, -1);
        assertSame(t.storage, r.storage);
        assertArrayEquals(new int[] {6, 4}, r.shape());
        Tensor s = t.slice(2, 1, 4, 2);
        assertSame(t.storage, s.storage);
        assertArrayEquals(new float[] {1, 3, 5, 7, 9, 11}, s.slice(0, 0, 1).reshape(-1).toFloatArray());
        assertArrayEquals(new int[] {2, 1, 3, 4}, t.unsqueeze(1).shape());
        assertArrayEquals(new int[] {2, 3, 4}, t.unsqueeze(1).squeeze(1).shape());
        assertArrayEquals(new int[] {3}, Tensor.zeros(1, 3, 1).squeeze().shape());
        assertArrayEquals(new float[] {0, 1, 0, 1}, seq(2).expand(2, 2).toFloatArray());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9}, seq(3, 4).t().slice(0, 0, 2).toFloatArray());
    }

    @Test
    void reshapeOfANonContiguousViewCopies() {
        Tensor t = seq(3, 4).t();
        Tensor r = t.reshape(12);
        assertNotSame(t.storage, r.storage);
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, r.toFloatArray());
    }

    @Test
    void viewErrorsNameTheOpAndShapes() {
        Tensor t = seq(2, 3);
        assertTrue(assertThrows(ShapeMismatchException.class, () -> t.reshape(4, 2)).getMessage().startsWith("reshape"));
        assertTrue(assertThrows(ShapeMismatchException.class, () -> t.squeeze(0)).getMessage().contains("size 2"));
        assertTrue(assertThrows(ShapeMismatchException.class, () -> t.transpose(0, 5)).getMessage().contains("axis 5"));
        assertThrows(ShapeMismatchException.class, () -> t.expand(4, 3));
        assertThrows(ShapeMismatchException.class, () -> t.permute(0, 0));
    }

    @Test
    void broadcastsLikeNumpy() {
        Tensor a = seq(3, 1), b = seq(1, 4);
        Tensor c = a.add(b);
        assertArrayEquals(new int[] {3, 4}, c.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5}, c.toFloatArray());
        assertArrayEquals(new float[] {0, 2, 4, 6}, seq(4).mul(2).toFloatArray());
        var e = assertThrows(ShapeMismatchException.class, () -> seq(2, 3).add(seq(4)));
        assertEquals("add: shapes cannot be broadcast together; shapes [2, 3], [4]", e.getMessage());
    }

    @Test
    void promotesTypes() {
        Tensor i = Tensor.of(new int[] {1, 2});
        assertEquals(DType.FLOAT32, i.add(Tensor.of(new float[] {0.5f, 0.5f})).dtype());
        assertEquals(DType.INT32, i.add(1).dtype());
        assertEquals(DType.FLOAT32, i.mul(0.5).dtype());
        assertEquals(DType.FLOAT64, Tensor.of(new float[] {1}).add(Tensor.of(new double[] {1})).dtype());
        assertEquals(DType.BOOL, i.gt(1).dtype());
        assertThrows(DTypeMismatchException.class, () -> i.exp());
        assertThrows(DTypeMismatchException.class, () -> i.gt(1).add(i.gt(0)));
    }

    @Test
    void reducesOverAnyAxes() {
        Tensor t = seq(2, 3, 4);
        assertEquals(276.0, t.sum().item());
        assertArrayEquals(new float[] {66, 210}, t.sum(1, 2).toFloatArray());
        assertArrayEquals(new int[] {2, 1, 1}, t.sum(true, 1, 2).shape());
        float[] s02 = t.sum(0, 2).toFloatArray();   // not adjacent: permute then reduce
        assertArrayEquals(new float[] {0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 + 5 + 6 + 7 + 16 + 17 + 18 + 19, 8 + 9 + 10 + 11 + 20 + 21 + 22 + 23}, s02);
        assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, t.max(0).reshape(-1).toFloatArray());
        assertArrayEquals(new long[] {3, 3, 3, 3, 3, 3}, t.argmax(2, false).toLongArray());
        assertEquals(11.5, t.mean().item(), 1e-6);
        assertArrayEquals(new long[] {0}, Tensor.of(new float[] {2, 2, 1}).argmax(0, false).reshape(1).toLongArray());
        assertThrows(ShapeMismatchException.class, () -> t.sum(3));
        assertThrows(DTypeMismatchException.class, () -> Tensor.arange(3).mean());
    }

    @Test
    void multipliesMatricesWithNumpySemantics() {
        Tensor a = seq(2, 3), b = seq(3, 2);
        assertArrayEquals(new float[] {10, 13, 28, 40}, a.matmul(b).toFloatArray());
        assertArrayEquals(new float[] {10, 13, 28, 40}, a.t().t().matmul(b.t().contiguous().t()).toFloatArray());
        assertArrayEquals(new float[] {10, 28}, a.matmul(b.t().t()).slice(1, 0, 1).reshape(-1).toFloatArray());
        assertArrayEquals(new float[] {5, 14}, a.matmul(seq(3)).toFloatArray());          // matrix · vector
        assertEquals(5.0, seq(3).matmul(seq(3)).item());                                   // dot
        Tensor batched = seq(4, 2, 3).matmul(b);                                            // broadcast B over batch
        assertArrayEquals(new int[] {4, 2, 2}, batched.shape());
        assertArrayEquals(a.add(18).matmul(b).toFloatArray(), batched.slice(0, 3, 4).reshape(2, 2).toFloatArray());
        Tensor tb = seq(2, 3, 2).transpose(1, 2);                                           // transposed batch operand
        assertArrayEquals(tb.contiguous().matmul(seq(2, 2, 3).transpose(1, 2)).toFloatArray(),
                tb.matmul(seq(2, 2, 3).transpose(1, 2)).toFloatArray());
        var e = assertThrows(ShapeMismatchException.class, () -> a.matmul(a));
        assertTrue(e.getMessage().contains("[2, 3], [2, 3]"), e.getMessage());
    }

    @Test
    void gathersScattersAndSelects() {
        Tensor x = seq(2, 3);
        Tensor idx = Tensor.of(new long[] {2, 0}, 2, 1);
        assertArrayEquals(new float[] {2, 3}, x.gather(1, idx).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, Tensor.zeros(2, 3).scatterAdd(1, idx, Tensor.ones(2, 1)).toFloatArray());
        assertArrayEquals(new float[] {3, 4, 5, 0, 1, 2, 3, 4, 5}, x.indexSelect(0, Tensor.of(new int[] {1, 0, 1})).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 2, 2, 2}, Tensor.zeros(2, 3).indexAdd(0, Tensor.of(new int[] {1, 1}), Tensor.ones(2, 3)).toFloatArray());
        assertThrows(IndexOutOfBoundsException.class, () -> x.indexSelect(0, Tensor.of(new int[] {2})));
        assertThrows(DTypeMismatchException.class, () -> x.gather(1, Tensor.of(new float[] {0, 0}, 2, 1)));
    }

    @Test
    void selectingRowsOfASliceReadsTheWindowWithoutCopyingIt() {
        Tensor all = seq(6, 2), window = all.slice(0, 2, 5);
        assertArrayEquals(new float[] {8, 9, 4, 5}, window.indexSelect(0, Tensor.of(new long[] {2, 0})).toFloatArray());
        var e = assertThrows(IndexOutOfBoundsException.class, () -> window.indexSelect(0, Tensor.of(new long[] {3})));
        assertTrue(e.getMessage().contains("[0, 3)"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> window.indexSelect(0, Tensor.of(new long[] {-1})));
    }

    @Test
    void concatenatesAndPads() {
        Tensor c = Tensor.concat(1, seq(2, 1), seq(2, 2).add(10));
        assertArrayEquals(new float[] {0, 10, 11, 1, 12, 13}, c.toFloatArray());
        assertArrayEquals(new float[] {-1, -1, -1, -1, 0, 1, -1, -1, -1}, seq(1, 2).pad(new int[] {1, 1}, new int[] {1, 0}, -1).toFloatArray());
        assertThrows(ShapeMismatchException.class, () -> Tensor.concat(0, seq(2, 1), seq(2, 2)));
    }

    @Test
    void whereSelectsAndBroadcasts() {
        Tensor x = seq(4);
        assertArrayEquals(new float[] {0, 1, -1, -1}, Tensor.where(x.lt(2), x, Tensor.scalar(-1)).toFloatArray());
        assertThrows(DTypeMismatchException.class, () -> Tensor.where(x, x, x));
    }

    @Test
    void randomIsDeterministicPerKey() {
        RandomKey k = RandomKey.of(42);
        assertArrayEquals(Tensor.rand(k, DType.FLOAT32, 100).toFloatArray(), Tensor.rand(k, DType.FLOAT32, 100).toFloatArray());
        assertFalse(java.util.Arrays.equals(Tensor.rand(k, DType.FLOAT32, 100).toFloatArray(),
                Tensor.rand(k.fold(1), DType.FLOAT32, 100).toFloatArray()));
        RandomKey[] two = k.split();
        assertNotEquals(two[0], two[1]);
        Tensor n = Tensor.randn(k, DType.FLOAT64, 20000);
        assertEquals(0, n.mean().item(), 0.03);
        assertEquals(1, n.square().mean().item(), 0.05);
        long[] ints = Tensor.randint(k, 3, 7, 1000).toLongArray();
        for (long v : ints) assertTrue(v >= 3 && v < 7);
        assertEquals(0.3, Tensor.bernoulli(k, 0.3, DType.FLOAT32, 10000).mean().item(), 0.02);
    }

    @Test
    void printsReadably() {
        String s = Tensor.of(new float[] {1, 2.5f, 3, 4}, 2, 2).toString();
        assertEquals("Tensor(float32, [2, 2], " + Tensor.zeros(1).device().id() + ")\n[[1.0, 2.500],\n [3.0, 4.0]]", s);
        assertTrue(Tensor.arange(100).toString().contains("..."));
    }

    @Test
    void closedTensorsFailClearly() {
        Tensor t = seq(3);
        Tensor v = t.reshape(3, 1);
        t.close();
        var e = assertThrows(IllegalStateException.class, v::toFloatArray);
        assertTrue(e.getMessage().contains("freed"));
    }
}
