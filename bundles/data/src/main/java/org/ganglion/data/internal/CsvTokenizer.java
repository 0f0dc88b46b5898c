package org.ganglion.data.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.ganglion.data.DataFormatException;

/**
 * Splits CSV text into records (RFC 4180): fields separated by the delimiter; a field that starts
 * with the quote character may hold delimiters, line breaks and doubled quotes ({@code ""} reads as
 * {@code "}). Records end at {@code \n}, {@code \r\n} or {@code \r}; blank lines are skipped;
 * a leading byte-order mark is ignored. Unquoted fields are trimmed, quoted ones kept as written.
 */
public final class CsvTokenizer {
    /** One record and the line it starts on (1-based). */
    public record Row(int line, String[] fields) {}

    private final Reader in;
    private final String source;
    private final char delimiter, quote;
    private int line = 1;
    private int pushedBack = -2;

    public CsvTokenizer(Reader in, String source, char delimiter, char quote) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** Every record of the input. */
    public List<Row> readAll() throws IOException {
        List<Row> rows = new ArrayList<>();
        int c = read();
        if (c == '\uFEFF') c = read();
        unread(c);
        Row r;
        while ((r = next()) != null) rows.add(r);
        return rows;
    }

    private Row next() throws IOException {
        List<String> fields = new ArrayList<>();
        int start = line;
        StringBuilder f = new StringBuilder();
        boolean any = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (!any && f.length() == 0 && fields.isEmpty()) return null;
                fields.add(f.toString().trim());
                return new Row(start, fields.toArray(String[]::new));
            }
            if (c == quote && f.toString().isBlank()) {
                fields.add(quoted());
                any = true;
                f.setLength(0);
                int after = skipSpaces();
                if (after == delimiter) continue;
                if (after == -1 || after == '\n' || after == '\r') {
                    endOfLine(after);
                    return new Row(start, fields.toArray(String[]::new));
                }
                throw new DataFormatException(source, "line " + line + ": unexpected '" + (char) after + "' after a closing quote");
            }
            if (c == delimiter) {
                fields.add(f.toString().trim());
                f.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                endOfLine(c);
                if (!any && f.toString().isBlank()) {
                    start = line;
                    f.setLength(0);
                    continue;        // blank line
                }
                fields.add(f.toString().trim());
                return new Row(start, fields.toArray(String[]::new));
            } else {
                f.append((char) c);
            }
        }
    }

    /** The body of a quoted field; the opening quote was read. */
    private String quoted() throws IOException {
        int startLine = line;
        StringBuilder f = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) throw new DataFormatException(source, "line " + startLine + ": quoted field is never closed");
            if (c == quote) {
                int d = read();
                if (d == quote) {
                    f.append(quote);
                    continue;
                }
                unread(d);
                return f.toString();
            }
            if (c == '\n') line++;
            if (c == '\r') {
                int d = read();
                if (d != '\n') unread(d);
                line++;
                f.append('\n');
                continue;
            }
            f.append((char) c);
        }
    }

    private int skipSpaces() throws IOException {
        int c;
        do c = read(); while ((c == ' ' || c == '\t') && c != delimiter);
        return c;
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') unread(d);
        }
        if (c != -1) line++;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) { pushedBack = c; }
}
