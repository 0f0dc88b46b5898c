package org.ganglion.data;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.core.RandomKey;
import org.ganglion.data.internal.Permutations;

/** Train/validation/test splits: Keras' validation split, k-fold, stratified train/test. */
public final class Splits {
    private Splits() {}

    /**
     * The last {@code fraction} of the samples, in their current order and before any shuffling, as
     * validation data; the rest for training (Keras' {@code validation_split}: the split point is
     * {@code floor(N * (1 - fraction))}). Both parts are views.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1) or leaves a part empty
     */
    public static Split validationSplit(TensorDataset ds, double fraction) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        int n = ds.size();
        int at = (int) Math.floor(n * (1.0 - fraction));
        if (at == 0 || at == n)
            throw new IllegalArgumentException("validation fraction " + fraction + " of " + n + " samples leaves " + (at == 0 ? "no training" : "no validation") + " samples");
        return new Split(ds.slice(0, at), ds.slice(at, n));
    }

    /**
     * {@code k} folds of {@code n} samples (scikit-learn's {@code KFold}): the first {@code n % k}
     * folds have {@code n / k + 1} validation samples, the others {@code n / k}. With a key the
     * samples are first permuted (Philox, host side); with {@code null} folds are contiguous runs.
     */
    public static List<Fold> kFold(int n, int k, RandomKey shuffleKey) {
        if (k < 2 || k > n) throw new IllegalArgumentException("k-fold needs 2 <= k <= n, got k = " + k + ", n = " + n);
        int[] order = shuffleKey == null ? identity(n) : Permutations.permutation(n, shuffleKey);
        List<Fold> folds = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            boolean[] inVal = new boolean[n];
            for (int i = start; i < start + size; i++) inVal[order[i]] = true;
            int[] val = new int[size], train = new int[n - size];
            for (int i = 0, a = 0, b = 0; i < n; i++) if (inVal[i]) val[a++] = i; else train[b++] = i;
            folds.add(new Fold(f, train, val));
            start += size;
        }
        return folds;
    }

    /** The folds of {@link #kFold(int, int, RandomKey)} applied to {@code ds}. */
    public static List<Split> kFold(TensorDataset ds, int k, RandomKey shuffleKey) {
        return kFold(ds.size(), k, shuffleKey).stream().map(f -> f.of(ds)).toList();
    }

    /**
     * A train/test split that keeps each class's share: for every class with {@code c} samples,
     * {@code round(c * testFraction)} randomly chosen ones (Philox with {@code key.fold(class)}) go to
     * the test part. Needs 1-D integer labels {@code y [N]}; both parts keep the original sample order.
     */
    public static TrainTest stratifiedTrainTest(TensorDataset ds, double testFraction, RandomKey key) {
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        long[] y = ds.labels();
        boolean[] test = new boolean[y.length];
        for (int[] members : Resampling.byClass(y)) {
            if (members.length == 0) continue;
            int cls = (int) y[members[0]];
            int take = (int) Math.round(members.length * testFraction);
            int[] chosen = members.clone();
            Permutations.shuffle(chosen, key.fold(cls));
            for (int i = 0; i < take; i++) test[chosen[i]] = true;
        }
        List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
        for (int i = 0; i < y.length; i++) (test[i] ? te : tr).add(i);
        if (tr.isEmpty() || te.isEmpty())
            throw new IllegalArgumentException("test fraction " + testFraction + " of " + y.length + " samples leaves a part empty");
        return new TrainTest(ds.subset(toArray(tr)), ds.subset(toArray(te)));
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    static int[] toArray(List<Integer> list) { return list.stream().mapToInt(Integer::intValue).toArray(); }
}
