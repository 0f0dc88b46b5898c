package org.ganglion.graph;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A small, dependency-free JSON reader and writer (RFC 8259) for model specs and checkpoint
 * headers, so graph needs no JSON library on any classpath.
 *
 * <p><b>Reading</b> gives {@code Map<String, Object>} (a {@link LinkedHashMap} in file order),
 * {@code List<Object>}, {@code String}, {@code Long} (integers that fit) or {@code Double}
 * (everything else), {@code Boolean} and {@code null}. Malformed text, duplicate keys and nesting
 * deeper than {@value #MAX_DEPTH} raise {@link ModelFormatException} with the line and column,
 * e.g. {@code model spec: expected ',' or '}' at line 3, column 7}.
 *
 * <p><b>Writing</b> is deterministic: maps keep their iteration order, except maps whose order is
 * unspecified ({@code HashMap}, {@code Map.of}, …), which are written with sorted keys (see
 * {@link #normalize}). Integral numbers are written without a
 * fraction, floating ones with one ({@code 2.0}), so reading back gives the same types.
 */
public final class Json {
    /** Deeper documents are rejected rather than risking a stack overflow. */
    public static final int MAX_DEPTH = 512;

    private final String text;
    private final String what;
    private int pos;

    private Json(String text, String what) {
        this.text = text;
        this.what = what;
    }

    /** Parses a complete JSON document. */
    public static Object parse(String text) { return parse(text, "json"); }

    /** Parses a complete JSON document; {@code what} starts every error message ({@code "model spec"}). */
    public static Object parse(String text, String what) {
        Json p = new Json(text, what);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected " + p.describeCurrent() + " after the JSON value");
        return v;
    }

    // ---- reading -------------------------------------------------------------------------

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        if (pos >= text.length()) throw error("unexpected end of input; expected a value");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected " + describeCurrent() + "; expected a value");
        }
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) return m;
        while (true) {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '"') throw error("expected a string key");
            int keyPos = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth + 1);
            if (m.containsKey(key)) {
                pos = keyPos;
                throw error("duplicate key '" + key + "'");
            }
            m.put(key, v);
            skipSpace();
            if (peek('}')) return m;
            expectOneOf(',', '}');
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> l = new ArrayList<>();
        skipSpace();
        if (peek(']')) return l;
        while (true) {
            skipSpace();
            l.add(value(depth + 1));
            skipSpace();
            if (peek(']')) return l;
            expectOneOf(',', ']');
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) throw error("control character U+" + String.format("%04X", (int) c) + " in a string (escape it)");
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) throw error("unterminated string");
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length() || !text.substring(pos + 2, pos + 6).matches("[0-9A-Fa-f]{4}"))
                        throw error("invalid \\u escape (needs four hex digits)");
                    sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                    pos += 4;
                }
                default -> throw error("invalid escape '\\" + e + "'");
            }
            pos += 2;
        }
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        if (pos < text.length() && text.charAt(pos) == '0') pos++;
        else if (digits() == 0) throw error("invalid number: expected a digit");
        boolean integral = true;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            integral = false;
            if (digits() == 0) throw error("invalid number: expected a digit after '.'");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            integral = false;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            if (digits() == 0) throw error("invalid number: expected a digit in the exponent");
        }
        String s = text.substring(start, pos);
        if (integral) {
            BigInteger b = new BigInteger(s);
            if (b.bitLength() < 64) return b.longValue();
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number " + s + " is out of range");
        }
        return d;
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') pos++;
        return pos - start;
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, pos)) throw error("unexpected " + describeCurrent() + "; expected a value");
        pos += word.length();
        return v;
    }

    private boolean peek(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) throw error("expected '" + c + "'");
    }

    private void expectOneOf(char a, char b) {
        if (!peek(a)) throw error(pos >= text.length() ? "unexpected end of input; expected '" + a + "' or '" + b + "'" : "expected '" + a + "' or '" + b + "'");
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private String describeCurrent() {
        if (pos >= text.length()) return "end of input";
        char c = text.charAt(pos);
        return c < 0x20 || c > 0x7E ? "character U+" + String.format("%04X", (int) c) : "'" + c + "'";
    }

    /** An error at the current position; lines and columns count from 1. */
    private ModelFormatException error(String message) {
        int line = 1, col = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new ModelFormatException(what + ": " + message + " at line " + line + ", column " + col);
    }

    // ---- writing -------------------------------------------------------------------------

    /** Compact JSON on one line (checkpoint headers). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, normalize(value), -1, 0);
        return sb.toString();
    }

    /** Indented JSON (two spaces; arrays of plain values stay on one line), for files people read and diff. */
    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, normalize(value), 0, 0);
        return sb.toString();
    }

    /** {@code indent < 0}: compact. */
    private static void write(StringBuilder sb, Object v, int indent, int level) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent, level + 1);
                quote(sb, (String) e.getKey());
                sb.append(indent < 0 ? ":" : ": ");
                write(sb, e.getValue(), indent, level + 1);
            }
            newline(sb, indent, level);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(indent >= 0 && flat ? ", " : ",");
                if (!flat) newline(sb, indent, level + 1);
                write(sb, l.get(i), indent, level + 1);
            }
            if (!flat && !l.isEmpty()) newline(sb, indent, level);
            sb.append(']');
        } else if (v instanceof String s) {
            quote(sb, s);
        } else {
            sb.append(v);     // null, Boolean, Long, Double (normalize made them so)
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) sb.append('\n').append("  ".repeat(level));
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /**
     * The JSON form of a value: integers become {@code Long}, floats {@code Double} (a float keeps
     * its shortest decimal form: {@code 0.1f} becomes {@code 0.1}), arrays and collections
     * {@code List}, enums their name, maps {@link LinkedHashMap}s with String keys in the source's
     * iteration order, or sorted when that order is unspecified ({@code HashMap}, {@code Hashtable},
     * {@code ConcurrentHashMap}, {@code IdentityHashMap}, {@code WeakHashMap}, {@code Map.of}: the
     * last changes from run to run).
     * Two configs that mean the same therefore compare equal after normalizing.
     *
     * @throws IllegalArgumentException for NaN or infinite numbers, non-String keys, or other types
     */
    public static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) return v;
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float f) return finite(Double.parseDouble(Float.toString(f)));
        if (v instanceof Double d) return finite(d);
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : finite(b.doubleValue());
        if (v instanceof BigDecimal b) return finite(b.doubleValue());
        if (v instanceof Character c) return c.toString();
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof Map<?, ?> m) {
            Map<?, ?> ordered = unordered(m) ? sortedCopy(m) : m;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ordered.entrySet()) {
                if (!(e.getKey() instanceof String k)) throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
                out.put(k, normalize(e.getValue()));
            }
            return out;
        }
        if (v instanceof Collection<?> c) return c.stream().map(Json::normalize).toList();
        if (v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) out.add(normalize(Array.get(v, i)));
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName() + " " + v);
    }

    /** Maps whose iteration order is unspecified; {@code Map.of} order even changes from run to run. */
    private static boolean unordered(Map<?, ?> m) {
        if (m instanceof LinkedHashMap || m instanceof SortedMap) return false;
        return m instanceof java.util.HashMap || m instanceof java.util.Hashtable || m instanceof java.util.concurrent.ConcurrentHashMap
                || m instanceof java.util.IdentityHashMap || m instanceof java.util.WeakHashMap
                || m.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    private static Map<?, ?> sortedCopy(Map<?, ?> m) {
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) throw new IllegalArgumentException("JSON object keys must be strings, got " + e.getKey());
            sorted.put(k, e.getValue());
        }
        return sorted;
    }

    private static Double finite(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON cannot represent " + d);
        return d;
    }
}
