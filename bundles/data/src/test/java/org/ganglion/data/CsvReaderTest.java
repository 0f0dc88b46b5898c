package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ganglion.core.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private static CsvTable read(String text, CsvOptions o) { return CsvReader.read(new StringReader(text), "test.csv", o); }

    private static CsvTable read(String text) { return read(text, CsvOptions.defaults()); }

    // age,city,income,label with missing age on lines 3 and 5, missing city on line 4
    private static final String PEOPLE = """
            age,city,income,label
            30,Paris,100,1
            ,Oslo,200,0
            50,NA,300,1
            ,Paris,400,0
            40,Oslo,500,1
            """;

    @Test
    void numericAndCategoricalColumnsWithSortedVocabulary() {
        CsvTable t = read("x,colour,y\n1.5,red,0\n-2e1,blue,1\n3,red,1\n");
        assertEquals(List.of("x", "colour", "y"), t.columnNames());
        assertEquals(3, t.rows());
        assertEquals(CsvTable.Kind.NUMERIC, t.column("x").kind());
        assertArrayEquals(new double[] {1.5, -20, 3}, t.column("x").values());
        CsvTable.Column c = t.column("colour");
        assertEquals(CsvTable.Kind.CATEGORICAL, c.kind());
        assertEquals(List.of("blue", "red"), c.vocabulary());
        assertArrayEquals(new double[] {1, 0, 1}, c.values());
        assertEquals("blue", c.category(1));
        assertTrue(t.missing().isEmpty());
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        CsvTable t = read("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\n\"multi\nline\", plain \r\n");
        CsvTable.Column name = t.column("name"), note = t.column("note");
        assertEquals("Smith, J", name.category(0));
        assertEquals("multi\nline", name.category(1));
        assertEquals("said \"hi\"", note.category(0));
        assertEquals("plain", t.column("note").category(1));
    }

    @Test
    void forcedCategoricalColumnsAndOtherDelimiters() {
        CsvTable t = read("zip;v\n02139;1\n10001;2\n", CsvOptions.defaults().delimiter(';').categorical("zip"));
        assertEquals(List.of("02139", "10001"), t.column("zip").vocabulary());
        assertThrows(IllegalArgumentException.class, () -> read("a\n1\n", CsvOptions.defaults().categorical("nope")));
    }

    @Test
    void missingValuesAreAnErrorByDefaultListingColumnsCountsAndLines() {
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(PEOPLE));
        assertEquals("test.csv", e.file());
        String m = e.problem();
        assertTrue(m.contains("missing values in age (2), city (1)"), m);
        assertTrue(m.contains("age: 2 missing (lines 3, 5)") && m.contains("city: 1 missing (lines 4)"), m);
    }

    @Test
    void dropRowsIsReported() {
        CsvTable t = read(PEOPLE, CsvOptions.defaults().missing(MissingStrategy.DROP_ROWS));
        assertEquals(2, t.rows());
        assertArrayEquals(new double[] {30, 40}, t.column("age").values());
        MissingReport r = t.missing();
        assertEquals(5, r.rowsRead());
        assertEquals(3, r.rowsDropped());
        assertEquals(Map.of("age", 2, "city", 1), r.missingByColumn());
        assertEquals("dropped 2 rows", r.actions().get("age"));
        assertTrue(r.summary().contains("3 rows dropped"), r.summary());
    }

    @Test
    void fillStrategiesUseStatisticsOfThePresentValues() {
        CsvOptions o = CsvOptions.defaults().missing("city", MissingStrategy.FILL_MOST_FREQUENT);
        assertArrayEquals(new double[] {30, 40, 50, 40, 40}, read(PEOPLE, o.missing("age", MissingStrategy.FILL_MEAN)).column("age").values());
        assertArrayEquals(new double[] {30, 40, 50, 40, 40}, read(PEOPLE, o.missing("age", MissingStrategy.FILL_MEDIAN)).column("age").values());
        assertArrayEquals(new double[] {30, -1, 50, -1, 40},
                read(PEOPLE, o.missing("age", MissingStrategy.FILL_CONSTANT).fillConstant("-1")).column("age").values());
        CsvTable mode = read("a,b\n1,x\n2,y\n2,y\n,\n1,x\n", CsvOptions.defaults().missing(MissingStrategy.FILL_MOST_FREQUENT));
        assertArrayEquals(new double[] {1, 2, 2, 1, 1}, mode.column("a").values(), "ties go to the smallest value");
        assertEquals("x", mode.column("b").category(3));
        CsvTable t = read(PEOPLE, o.missing("age", MissingStrategy.FILL_MEAN));
        assertEquals("Oslo", t.column("city").category(2), "Oslo and Paris tie at 2; the smaller wins");
        assertEquals("filled with mean 40.0", t.missing().actions().get("age"));
        assertTrue(t.missing().summary().contains("age: 2 missing (lines 3, 5) -> filled with mean 40.0"), t.missing().summary());
    }

    @Test
    void meanOnACategoricalColumnFallsBackToMostFrequentAndSaysSo() {
        CsvTable t = read(PEOPLE, CsvOptions.defaults().missing(MissingStrategy.FILL_MEAN));
        assertTrue(t.missing().actions().get("city").contains("most frequent 'Oslo'") && t.missing().actions().get("city").contains("categorical"));
        CsvTable c = read(PEOPLE, CsvOptions.defaults().missing(MissingStrategy.FILL_CONSTANT).fillConstant("0"));
        assertEquals(List.of("0", "Oslo", "Paris"), c.column("city").vocabulary());
    }

    @Test
    void indicatorColumnsMarkWhereValuesWereMissing() {
        CsvTable t = read(PEOPLE, CsvOptions.defaults().missing(MissingStrategy.FILL_MEDIAN).indicators(true));
        assertEquals(List.of("age", "city", "income", "label", "age_missing", "city_missing"), t.columnNames());
        assertArrayEquals(new double[] {0, 1, 0, 1, 0}, t.column("age_missing").values());
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, t.column("city_missing").values());
        assertEquals(CsvTable.Kind.INDICATOR, t.column("age_missing").kind());
    }

    @Test
    void toDatasetSplitsFeaturesAndTarget() {
        CsvTable t = read(PEOPLE, CsvOptions.defaults().missing(MissingStrategy.FILL_MEAN));
        TensorDataset d = t.toDataset("label", DType.INT64);
        assertArrayEquals(new int[] {5, 3}, d.x().shape());
        assertArrayEquals(new long[] {1, 0, 1, 0, 1}, d.labels());
        assertArrayEquals(new float[] {30, 1, 100}, d.x().slice(0, 0, 1).toFloatArray());
        TensorDataset reg = t.toDataset("income");
        assertEquals(DType.FLOAT32, reg.y().dtype());
        TensorDataset cat = t.toDataset("city");
        assertEquals(DType.INT64, cat.y().dtype());
        assertThrows(IllegalArgumentException.class, () -> t.column("nope"));
    }

    @Test
    void malformedFilesNameFileAndLine() throws IOException {
        DataFormatException w = assertThrows(DataFormatException.class, () -> read("a,b\n1,2\n3\n"));
        assertTrue(w.problem().contains("line 3 has 1 fields, the header has 2"), w.getMessage());
        DataFormatException q = assertThrows(DataFormatException.class, () -> read("a,b\n\"open,2\n"));
        assertTrue(q.problem().contains("line 2: quoted field is never closed"), q.getMessage());
        assertTrue(assertThrows(DataFormatException.class, () -> read("a,a\n1,2\n")).problem().contains("duplicate column name 'a'"));
        assertTrue(assertThrows(DataFormatException.class, () -> read("")).problem().contains("no header"));
        Path p = Files.writeString(dir.resolve("bad.csv"), "a,b\n\"x\"y,1\n");
        DataFormatException after = assertThrows(DataFormatException.class, () -> CsvReader.read(p));
        assertTrue(after.getMessage().startsWith(p + ": line 2: unexpected 'y' after a closing quote"), after.getMessage());
    }

    @Test
    void readsFilesWithBomAndBlankLines() throws IOException {
        Path p = Files.writeString(dir.resolve("ok.csv"), "\uFEFFa,b\n\n1,2\n\n3,4");
        CsvTable t = CsvReader.read(p);
        assertEquals(2, t.rows());
        assertArrayEquals(new double[] {2, 4}, t.column("b").values());
        assertTrue(t.toString().contains("ok.csv"));
    }
}
