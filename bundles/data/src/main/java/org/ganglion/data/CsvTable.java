package org.ganglion.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;

/**
 * A CSV file read by {@link CsvReader}: named columns of numbers, categorical columns as integer
 * codes into a kept vocabulary, and the {@link MissingReport} of what was missing. Immutable.
 */
public final class CsvTable {
    /** How a column's values are to be read. */
    public enum Kind {
        /** Numbers as written. */
        NUMERIC,
        /** Integer codes {@code 0 .. vocabulary.size()-1}; code {@code i} is {@code vocabulary.get(i)} (sorted). */
        CATEGORICAL,
        /** 1 where the named column's value was missing, else 0 ({@link CsvOptions#indicators}). */
        INDICATOR
    }

    /**
     * One column.
     *
     * @param values     one value per row (a copy is returned)
     * @param vocabulary the categories of a categorical column in code order; empty otherwise
     */
    public record Column(String name, Kind kind, double[] values, List<String> vocabulary) {
        public Column {
            values = values.clone();
            vocabulary = List.copyOf(vocabulary);
        }

        @Override
        public double[] values() { return values.clone(); }

        /** The category of row {@code row}; categorical columns only. */
        public String category(int row) {
            if (kind != Kind.CATEGORICAL) throw new IllegalStateException("column " + name + " is " + kind + ", not categorical");
            return vocabulary.get((int) values[row]);
        }

        double value(int row) { return values[row]; }
    }

    private final String source;
    private final List<Column> columns;
    private final int rows;
    private final MissingReport missing;

    CsvTable(String source, List<Column> columns, int rows, MissingReport missing) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.missing = missing;
    }

    /** The file (or stream name) this came from. */
    public String source() { return source; }

    /** Rows kept (after any {@link MissingStrategy#DROP_ROWS}). */
    public int rows() { return rows; }

    public List<Column> columns() { return columns; }

    public List<String> columnNames() { return columns.stream().map(Column::name).toList(); }

    /** What was missing and what was done about it. */
    public MissingReport missing() { return missing; }

    /** The column called {@code name}, or an {@link IllegalArgumentException} listing the columns there are. */
    public Column column(String name) {
        for (Column c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException(source + ": no column '" + name + "'; columns are " + columnNames());
    }

    /** float32 {@code [rows, k]} of the named columns in that order; all columns when none are named. */
    public Tensor toTensor(String... names) {
        List<Column> cols = select(names);
        float[] v = new float[rows * cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            Column c = cols.get(j);
            for (int i = 0; i < rows; i++) v[i * cols.size() + j] = (float) c.value(i);
        }
        return Tensor.of(v, rows, cols.size());
    }

    /**
     * x float32 {@code [rows, columns-1]} of every column but {@code target}; y {@code [rows]} of
     * {@code target}: int64 when it is categorical, else float32.
     */
    public TensorDataset toDataset(String target) {
        return toDataset(target, column(target).kind() == Kind.CATEGORICAL ? DType.INT64 : DType.FLOAT32);
    }

    /** As {@link #toDataset(String)} with y of {@code yType}; integer types need integral values. */
    public TensorDataset toDataset(String target, DType yType) {
        Column t = column(target);
        List<String> features = new ArrayList<>(columnNames());
        features.remove(target);
        double[] y = t.values;
        if (yType.isInteger())
            for (int i = 0; i < rows; i++)
                if (y[i] != Math.rint(y[i])) throw new IllegalArgumentException(source + ": column " + target + " has a non-integer value " + y[i] + " in row " + i + "; cannot make " + yType + " labels");
        return new TensorDataset(toTensor(features.toArray(String[]::new)), Tensor.of(y, rows).to(yType));
    }

    private List<Column> select(String[] names) {
        if (names.length == 0) return columns;
        List<Column> out = new ArrayList<>();
        for (String n : names) out.add(column(n));
        return out;
    }

    @Override
    public String toString() {
        return "CsvTable[" + source + ", " + rows + " rows, columns " + Arrays.toString(columns.stream()
                .map(c -> c.name() + ":" + c.kind()).toArray()) + "]";
    }
}
