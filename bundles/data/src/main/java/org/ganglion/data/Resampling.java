package org.ganglion.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ganglion.core.RandomKey;
import org.ganglion.data.internal.Permutations;

/**
 * Class-balance helpers for datasets with 1-D integer labels {@code y [N]} (classes {@code 0..C-1}):
 * counting, random oversampling of minority classes, random undersampling of majority classes, and
 * taking a chosen number of samples per class (e.g. to build an imbalanced subset). Random choices
 * use Philox with {@code key.fold(class)}, on the host: reproducible on any device.
 */
public final class Resampling {
    private Resampling() {}

    /** Samples per class: {@code counts[c]} for classes {@code 0 .. max label}. */
    public static long[] classCounts(TensorDataset ds) {
        long[] y = ds.labels();
        int[][] groups = byClass(y);
        long[] counts = new long[groups.length];
        for (int c = 0; c < groups.length; c++) counts[c] = groups[c].length;
        return counts;
    }

    /**
     * Random oversampling: every class smaller than the largest gets extra copies of its own samples,
     * drawn uniformly with replacement, until it has as many as the largest. The result holds all
     * original samples in order, then the extra ones class by class.
     */
    public static TensorDataset oversample(TensorDataset ds, RandomKey key) {
        int[][] groups = byClass(ds.labels());
        int target = Arrays.stream(groups).mapToInt(g -> g.length).max().orElse(0);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) idx.add(i);
        for (int c = 0; c < groups.length; c++) {
            int[] g = groups[c];
            if (g.length == 0 || g.length == target) continue;
            for (int pick : Permutations.choices(target - g.length, g.length, key.fold(c))) idx.add(g[pick]);
        }
        return ds.subset(Splits.toArray(idx));
    }

    /**
     * Random undersampling: every class larger than the smallest present class keeps that many of its
     * samples, chosen uniformly without replacement; the result keeps the original order.
     */
    public static TensorDataset undersample(TensorDataset ds, RandomKey key) {
        int[][] groups = byClass(ds.labels());
        int target = Arrays.stream(groups).mapToInt(g -> g.length).filter(n -> n > 0).min().orElse(0);
        int[] counts = new int[groups.length];
        for (int c = 0; c < groups.length; c++) counts[c] = Math.min(target, groups[c].length);
        return takePerClass(ds, counts, key);
    }

    /**
     * {@code counts[c]} samples of class {@code c}, chosen uniformly without replacement (classes
     * beyond the array: none); the result keeps the original order.
     *
     * @throws IllegalArgumentException when a class has fewer samples than asked for
     */
    public static TensorDataset takePerClass(TensorDataset ds, int[] counts, RandomKey key) {
        int[][] groups = byClass(ds.labels());
        boolean[] keep = new boolean[ds.size()];
        for (int c = 0; c < counts.length; c++) {
            int have = c < groups.length ? groups[c].length : 0;
            if (counts[c] < 0 || counts[c] > have)
                throw new IllegalArgumentException("class " + c + " has " + have + " samples; cannot take " + counts[c]);
            if (counts[c] == 0) continue;
            int[] chosen = groups[c].clone();
            Permutations.shuffle(chosen, key.fold(c));
            for (int i = 0; i < counts[c]; i++) keep[chosen[i]] = true;
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) if (keep[i]) idx.add(i);
        return ds.subset(Splits.toArray(idx));
    }

    /** Keeps only {@code count} random samples of class {@code cls} and every sample of the other classes. */
    public static TensorDataset limitClass(TensorDataset ds, int cls, int count, RandomKey key) {
        int[][] groups = byClass(ds.labels());
        int[] counts = new int[Math.max(groups.length, cls + 1)];
        for (int c = 0; c < groups.length; c++) counts[c] = groups[c].length;
        counts[cls] = count;
        return takePerClass(ds, counts, key);
    }

    /** Sample indices per class {@code 0 .. max label}, ascending; negative labels are refused. */
    static int[][] byClass(long[] y) {
        long max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) throw new IllegalArgumentException("label " + y[i] + " at index " + i + " is negative; classes must be 0..C-1");
            max = Math.max(max, y[i]);
        }
        if (max > 1_000_000) throw new IllegalArgumentException("label " + max + " is too large for a class index");
        int[] sizes = new int[(int) max + 1];
        for (long v : y) sizes[(int) v]++;
        int[][] groups = new int[sizes.length][];
        for (int c = 0; c < sizes.length; c++) groups[c] = new int[sizes[c]];
        int[] fill = new int[sizes.length];
        for (int i = 0; i < y.length; i++) groups[(int) y[i]][fill[(int) y[i]]++] = i;
        return groups;
    }
}
