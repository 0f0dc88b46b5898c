package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    void parsesEveryValueType() {
        Object v = Json.parse(" {\"s\": \"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\", \"i\": -12, \"big\": 12345678901234567890,"
                + " \"d\": 1.5e-3, \"z\": -0, \"f\": 2.0, \"t\": true, \"n\": null, \"l\": [1, [], {}], \"o\": {\"k\": false}}\n");
        Map<String, Object> m = ModelSpec.cast(v);
        assertEquals(List.of("s", "i", "big", "d", "z", "f", "t", "n", "l", "o"), List.copyOf(m.keySet()), "file order kept");
        assertEquals("a\"b\\c/\né\uD83D\uDE00", m.get("s"));
        assertEquals(-12L, m.get("i"));
        assertEquals(1.2345678901234567e19, m.get("big"), "too large for a long: a double");
        assertEquals(1.5e-3, m.get("d"));
        assertEquals(0L, m.get("z"));
        assertEquals(2.0, m.get("f"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertTrue(m.containsKey("n"));
        assertNull(m.get("n"));
        assertEquals(Arrays.asList(1L, List.of(), Map.of()), m.get("l"));
        assertEquals(Map.of("k", false), m.get("o"));
    }

    @Test
    void errorsSayWhatWasExpectedAndWhere() {
        String text = "{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}";
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Json.parse(text, "model spec"));
        assertEquals("model spec: expected ',' or '}' at line 4, column 3", e.getMessage());
        ModelFormatException dup = assertThrows(ModelFormatException.class, () -> Json.parse("{\"a\": 1,\n \"a\": 2}"));
        assertEquals("json: duplicate key 'a' at line 2, column 2", dup.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                    | unexpected end of input",
        "'   '                 | unexpected end of input",
        "{                     | expected a string key",
        "'{\"a\" 1}'           | expected ':'",
        "'{\"a\": 1,}'         | expected a string key",
        "'[1, 2,]'             | expected a value",
        "'[1 2]'               | expected ',' or ']'",
        "'[1, 2'               | unexpected end of input; expected ',' or ']'",
        "01                    | after the JSON value",
        "'1.'                  | expected a digit after '.'",
        "'1e'                  | expected a digit in the exponent",
        "'-'                   | expected a digit",
        "'+1'                  | unexpected '+'",
        "NaN                   | unexpected 'N'",
        "'1e999'               | out of range",
        "'\"abc'               | unterminated string",
        "'\"a\\qb\"'           | invalid escape '\\q'",
        "'\"\\u12G4\"'         | invalid \\u escape",
        "'{\"a\": 1} x'        | unexpected 'x' after the JSON value",
        "'[tru]'               | expected a value",
        "'nul'                 | expected a value",
        "'{1: 2}'              | expected a string key",
    })
    void malformedDocumentsAreRejected(String text, String message) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains(message) && e.getMessage().contains(" at line 1, column "), e.getMessage());
    }

    @Test
    void rawControlCharactersAndDeepNestingAreRejected() {
        ModelFormatException ctl = assertThrows(ModelFormatException.class, () -> Json.parse("\"a\tb\""));
        assertTrue(ctl.getMessage().contains("control character U+0009"), ctl.getMessage());
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertTrue(Json.parse(ok) instanceof List);
    }

    @Test
    void prettyOutputIsIndentedWithFlatListsOnOneLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "x");
        m.put("shape", new int[] {784, 10});
        m.put("layers", List.of(Map.of("b", 1, "a", 0.5), List.of()));
        m.put("empty", Map.of());
        m.put("n", null);
        String expected = "{\n  \"format\": \"x\",\n  \"shape\": [784, 10],\n  \"layers\": [\n    {\n      \"a\": 0.5,\n      \"b\": 1\n    },\n"
                + "    []\n  ],\n  \"empty\": {},\n  \"n\": null\n}";
        assertEquals(expected, Json.writePretty(m));
        assertEquals("{\"format\":\"x\",\"shape\":[784,10],\"layers\":[{\"a\":0.5,\"b\":1},[]],\"empty\":{},\"n\":null}", Json.write(m));
    }

    @Test
    void writingThenReadingGivesTheSameValueAndText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        m.put("long", Long.MIN_VALUE);
        m.put("double", 1e-300);
        m.put("integral_double", 3.0);
        m.put("nested", List.of(List.of(1L, 2.5, "x", true), Map.of("k", List.of())));
        for (String text : List.of(Json.write(m), Json.writePretty(m))) {
            Object back = Json.parse(text);
            assertEquals(Json.normalize(m), back);
            assertEquals(text, text.startsWith("{\n") ? Json.writePretty(back) : Json.write(back));
        }
        assertTrue(Json.write("\u0007").contains("\\u0007"));
    }

    @Test
    void unorderedMapsAreWrittenSortedSoOutputIsStable() {
        Map<String, Object> h = new HashMap<>();
        for (String k : List.of("zeta", "alpha", "mid", "beta")) h.put(k, 1);
        assertEquals("{\"alpha\":1,\"beta\":1,\"mid\":1,\"zeta\":1}", Json.write(h));
        Map<String, Object> linked = new LinkedHashMap<>();
        for (String k : List.of("zeta", "alpha")) linked.put(k, 1);
        assertEquals("{\"zeta\":1,\"alpha\":1}", Json.write(linked));
        assertEquals("{\"zeta\":1,\"alpha\":1}", Json.write(java.util.Collections.unmodifiableMap(linked)), "a read-only view keeps its order");
        assertEquals(Json.write(Map.of("b", 1, "a", 2, "c", 3)), "{\"a\":2,\"b\":1,\"c\":3}", "Map.of order changes between runs");
    }

    @Test
    void normalizeGivesJsonTypes() {
        assertEquals(5L, Json.normalize(5));
        assertEquals(0.1, Json.normalize(0.1f), "a float keeps its short decimal form");
        assertEquals(List.of(1L, 2L), Json.normalize(new long[] {1, 2}));
        assertEquals(List.of(true), Json.normalize(new boolean[] {true}));
        assertEquals("FLOAT32", Json.normalize(org.ganglion.core.DType.FLOAT32));
        assertThrows(IllegalArgumentException.class, () -> Json.normalize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.normalize(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Json.normalize(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.POSITIVE_INFINITY));
    }
}
