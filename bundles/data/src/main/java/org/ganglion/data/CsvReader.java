package org.ganglion.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ganglion.data.internal.CsvTokenizer;
import org.ganglion.data.internal.CsvTokenizer.Row;
import org.ganglion.data.internal.Imputation;

/**
 * Reads a CSV file with a header row into a {@link CsvTable}.
 *
 * <ul>
 *   <li>Quoting per RFC 4180 (delimiters, line breaks and doubled quotes inside quoted fields).</li>
 *   <li>A column is numeric when every present value is a decimal number; otherwise (or when named
 *       in {@link CsvOptions#categorical}) it is categorical and becomes integer codes into its sorted
 *       vocabulary, which the table keeps.</li>
 *   <li>Missing values (the {@link CsvOptions#missingMarkers}) are always counted per column in the
 *       table's {@link MissingReport}. With the default {@link MissingStrategy#ERROR} any missing value
 *       raises a {@link DataFormatException} listing columns, counts and lines; other strategies drop
 *       rows or fill values, and {@link CsvOptions#indicators} adds {@code <column>_missing} columns.</li>
 *   <li>A row whose width differs from the header's, an empty or duplicate column name, or an
 *       unclosed quote raise a {@link DataFormatException} naming the file and line.</li>
 * </ul>
 */
public final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity");

    private CsvReader() {}

    public static CsvTable read(Path file) { return read(file, CsvOptions.defaults()); }

    public static CsvTable read(Path file, CsvOptions options) {
        try (BufferedReader r = Files.newBufferedReader(file, options.charset())) {
            return read(r, file.toString(), options);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file.toString(), "file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV text; {@code source} names it in messages. Does not close {@code in}. */
    public static CsvTable read(Reader in, String source, CsvOptions options) {
        List<Row> rows;
        try {
            rows = new CsvTokenizer(in, source, options.delimiter(), options.quote()).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) throw new DataFormatException(source, "empty file: no header row");
        String[] names = header(rows.get(0), source);
        List<Row> data = rows.subList(1, rows.size());
        for (Row r : data)
            if (r.fields().length != names.length)
                throw new DataFormatException(source, "line " + r.line() + " has " + r.fields().length + " fields, the header has " + names.length);
        for (String c : options.categorical())
            if (!Arrays.asList(names).contains(c))
                throw new IllegalArgumentException(source + ": categorical column '" + c + "' is not in the header " + Arrays.toString(names));
        return build(source, names, data, options);
    }

    private static String[] header(Row row, String source) {
        String[] names = row.fields();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.length; j++) {
            if (names[j].isEmpty()) throw new DataFormatException(source, "line " + row.line() + ": column " + (j + 1) + " of the header has no name");
            if (!seen.add(names[j])) throw new DataFormatException(source, "line " + row.line() + ": duplicate column name '" + names[j] + "'");
        }
        return names;
    }

    private static CsvTable build(String source, String[] names, List<Row> data, CsvOptions o) {
        int n = data.size(), m = names.length;
        boolean[][] missing = new boolean[m][n];
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        boolean[] numeric = new boolean[m];
        for (int j = 0; j < m; j++) {
            numeric[j] = !o.categorical().contains(names[j]);
            int count = 0;
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String v = data.get(i).fields()[j];
                if (o.missingMarkers().contains(v)) {
                    missing[j][i] = true;
                    if (count++ < 5) first.add(data.get(i).line());
                } else if (numeric[j] && !NUMBER.matcher(v).matches()) {
                    numeric[j] = false;
                }
            }
            if (count > 0) {
                counts.put(names[j], count);
                lines.put(names[j], first);
            }
        }
        refuseUnhandled(source, names, o, new MissingReport(n, 0, counts, lines, Map.of()));

        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        for (int j = 0; j < m; j++)
            if (o.strategy(names[j]) == MissingStrategy.DROP_ROWS)
                for (int i = 0; i < n; i++) if (missing[j][i]) keep[i] = false;
        int kept = 0;
        for (boolean k : keep) if (k) kept++;

        Map<String, String> actions = new LinkedHashMap<>();
        List<CsvTable.Column> columns = new ArrayList<>();
        List<CsvTable.Column> indicators = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            String[] cells = new String[kept];
            boolean[] miss = new boolean[kept];
            for (int i = 0, k = 0; i < n; i++) if (keep[i]) {
                cells[k] = data.get(i).fields()[j];
                miss[k++] = missing[j][i];
            }
            MissingStrategy s = o.strategy(names[j]);
            Imputation.Result r = numeric[j] ? Imputation.numeric(source, names[j], cells, miss, s, o.fillConstant())
                    : Imputation.categorical(source, names[j], cells, miss, s, o.fillConstant());
            columns.add(r.column());
            if (counts.containsKey(names[j])) {
                int dropped = 0;
                for (int i = 0; i < n; i++) if (!keep[i] && missing[j][i]) dropped++;
                actions.put(names[j], s == MissingStrategy.DROP_ROWS ? "dropped " + dropped + " rows" : r.action());
                if (o.indicators() && s != MissingStrategy.DROP_ROWS) indicators.add(indicator(names[j], miss));
            }
        }
        columns.addAll(indicators);
        return new CsvTable(source, columns, kept, new MissingReport(n, n - kept, counts, lines, actions));
    }

    private static void refuseUnhandled(String source, String[] names, CsvOptions o, MissingReport report) {
        List<String> refused = new ArrayList<>();
        for (String c : names)
            if (report.missingByColumn().containsKey(c) && o.strategy(c) == MissingStrategy.ERROR)
                refused.add(c + " (" + report.missingByColumn().get(c) + ")");
        if (!refused.isEmpty())
            throw new DataFormatException(source, "missing values in " + String.join(", ", refused)
                    + "; choose a strategy with CsvOptions.missing(...) (DROP_ROWS, FILL_MEAN, FILL_MEDIAN, FILL_CONSTANT, FILL_MOST_FREQUENT). "
                    + report.summary());
    }

    private static CsvTable.Column indicator(String name, boolean[] miss) {
        double[] v = new double[miss.length];
        for (int i = 0; i < v.length; i++) v[i] = miss[i] ? 1 : 0;
        return new CsvTable.Column(name + "_missing", CsvTable.Kind.INDICATOR, v, List.of());
    }
}
