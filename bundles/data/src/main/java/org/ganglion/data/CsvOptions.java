package org.ganglion.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@link CsvReader} reads a file. Immutable; each setter returns a modified copy.
 * Defaults: comma-separated, {@code "} quotes, UTF-8, missing markers {@link #DEFAULT_MISSING},
 * column types detected (numeric when every present value parses as a number), missing values
 * {@link MissingStrategy#ERROR}, no indicator columns.
 */
public final class CsvOptions {
    /** Cell texts that mean "missing" (compared after trimming): empty, NA, N/A, NaN, nan, null, NULL, ?. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");

    private final char delimiter, quote;
    private final Charset charset;
    private final Set<String> missingMarkers;
    private final Set<String> categorical;
    private final MissingStrategy strategy;
    private final Map<String, MissingStrategy> columnStrategies;
    private final String fillConstant;
    private final boolean indicators;

    private CsvOptions(char delimiter, char quote, Charset charset, Set<String> missingMarkers, Set<String> categorical,
            MissingStrategy strategy, Map<String, MissingStrategy> columnStrategies, String fillConstant, boolean indicators) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.charset = charset;
        this.missingMarkers = Set.copyOf(missingMarkers);
        this.categorical = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(categorical));
        this.strategy = strategy;
        this.columnStrategies = Map.copyOf(columnStrategies);
        this.fillConstant = fillConstant;
        this.indicators = indicators;
    }

    public static CsvOptions defaults() {
        return new CsvOptions(',', '"', StandardCharsets.UTF_8, DEFAULT_MISSING, Set.of(), MissingStrategy.ERROR, Map.of(), null, false);
    }

    public CsvOptions delimiter(char d) {
        return new CsvOptions(d, quote, charset, missingMarkers, categorical, strategy, columnStrategies, fillConstant, indicators);
    }

    public CsvOptions quote(char q) {
        return new CsvOptions(delimiter, q, charset, missingMarkers, categorical, strategy, columnStrategies, fillConstant, indicators);
    }

    public CsvOptions charset(Charset c) {
        return new CsvOptions(delimiter, quote, c, missingMarkers, categorical, strategy, columnStrategies, fillConstant, indicators);
    }

    /** Replaces the set of cell texts that mean "missing". */
    public CsvOptions missingMarkers(Set<String> markers) {
        return new CsvOptions(delimiter, quote, charset, markers, categorical, strategy, columnStrategies, fillConstant, indicators);
    }

    /** Treat these columns as categorical even when their values look numeric (e.g. zip codes). */
    public CsvOptions categorical(String... columns) {
        Set<String> c = new LinkedHashSet<>(categorical);
        c.addAll(List.of(columns));
        return new CsvOptions(delimiter, quote, charset, missingMarkers, c, strategy, columnStrategies, fillConstant, indicators);
    }

    /** The strategy for every column without its own. */
    public CsvOptions missing(MissingStrategy s) {
        return new CsvOptions(delimiter, quote, charset, missingMarkers, categorical, s, columnStrategies, fillConstant, indicators);
    }

    /** The strategy for one column. */
    public CsvOptions missing(String column, MissingStrategy s) {
        Map<String, MissingStrategy> m = new HashMap<>(columnStrategies);
        m.put(column, s);
        return new CsvOptions(delimiter, quote, charset, missingMarkers, categorical, strategy, m, fillConstant, indicators);
    }

    /** The value {@link MissingStrategy#FILL_CONSTANT} writes: parsed as a number in numeric columns. */
    public CsvOptions fillConstant(String value) {
        return new CsvOptions(delimiter, quote, charset, missingMarkers, categorical, strategy, columnStrategies, value, indicators);
    }

    /** Add a {@code <column>_missing} column (1 where the value was missing, else 0) for each column that had missing values. */
    public CsvOptions indicators(boolean add) {
        return new CsvOptions(delimiter, quote, charset, missingMarkers, categorical, strategy, columnStrategies, fillConstant, add);
    }

    public char delimiter() { return delimiter; }

    public char quote() { return quote; }

    public Charset charset() { return charset; }

    public Set<String> missingMarkers() { return missingMarkers; }

    public Set<String> categorical() { return categorical; }

    /** The strategy for {@code column}. */
    public MissingStrategy strategy(String column) { return columnStrategies.getOrDefault(column, strategy); }

    public String fillConstant() { return fillConstant; }

    public boolean indicators() { return indicators; }
}
