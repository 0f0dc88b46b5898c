package org.ganglion.data;

/**
 * What {@link CsvReader} does with missing values in a column. Whatever the choice, the
 * {@link MissingReport} of the table lists each column's count; nothing is dropped silently.
 */
public enum MissingStrategy {
    /** Refuse to load: a {@link DataFormatException} lists the columns and counts (the default). */
    ERROR,
    /** Drop every row with a missing value in this column; the report counts the dropped rows. */
    DROP_ROWS,
    /** Replace by the column mean (numeric columns; categorical ones fall back to most frequent). */
    FILL_MEAN,
    /** Replace by the column median (numeric columns; categorical ones fall back to most frequent). */
    FILL_MEDIAN,
    /** Replace by {@link CsvOptions#fillConstant(String)}: a number, or a category for categorical columns. */
    FILL_CONSTANT,
    /** Replace by the most frequent value (the mode); ties go to the smallest value. */
    FILL_MOST_FREQUENT
}
