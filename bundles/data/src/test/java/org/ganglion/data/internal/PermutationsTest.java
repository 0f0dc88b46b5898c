package org.ganglion.data.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.ganglion.core.RandomKey;
import org.junit.jupiter.api.Test;

class PermutationsTest {
    @Test
    void everyPermutationOfThreeIsEquallyLikely() {
        Map<String, Integer> counts = new HashMap<>();
        RandomKey root = RandomKey.of(1);
        for (int t = 0; t < 6000; t++) counts.merge(Arrays.toString(Permutations.permutation(3, root.fold(t))), 1, Integer::sum);
        assertEquals(6, counts.size());
        // 1000 expected per order; 5 standard deviations is about 150
        counts.values().forEach(c -> assertTrue(Math.abs(c - 1000) < 150, counts.toString()));
    }

    @Test
    void eachPositionIsUniformOverTheValues() {
        int n = 10, trials = 5000;
        int[][] hits = new int[n][n];
        for (int t = 0; t < trials; t++) {
            int[] p = Permutations.permutation(n, RandomKey.of(t));
            for (int i = 0; i < n; i++) hits[i][p[i]]++;
        }
        for (int[] row : hits) for (int h : row) assertTrue(Math.abs(h - 500) < 110, Arrays.toString(row));
    }

    @Test
    void sameKeySameResult() {
        assertArrayEquals(Permutations.permutation(1000, RandomKey.of(5)), Permutations.permutation(1000, RandomKey.of(5)));
        assertArrayEquals(Permutations.choices(50, 7, RandomKey.of(5)), Permutations.choices(50, 7, RandomKey.of(5)));
    }

    @Test
    void choicesStayInRangeAndCoverIt() {
        int[] c = Permutations.choices(10_000, 3, RandomKey.of(9));
        int[] hist = new int[3];
        for (int v : c) hist[v]++;
        for (int h : hist) assertTrue(Math.abs(h - 3333) < 250, Arrays.toString(hist));
        int[] words = new int[4];
        for (int i = 0; i < 100; i++) {
            assertEquals(0, Permutations.uniformInt(RandomKey.of(i), i, 1, words));
            int big = Permutations.uniformInt(RandomKey.of(i), i, Integer.MAX_VALUE, words);
            assertTrue(big >= 0 && big < Integer.MAX_VALUE);
        }
    }

    @Test
    void emptyAndSingletonPermutations() {
        assertArrayEquals(new int[0], Permutations.permutation(0, RandomKey.of(1)));
        assertArrayEquals(new int[] {0}, Permutations.permutation(1, RandomKey.of(1)));
    }
}
