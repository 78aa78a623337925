package jp.sitesign.server.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for checking exports: CRLF between records, quoted fields may hold commas,
 * CRLF and doubled quotes, and anything else (a bare LF, text after a closing quote) is an error, so a
 * malformed export fails the test instead of being read leniently.
 */
public final class Csv {
    private Csv() {
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '"' && field.length() == 0) {
                i = quoted(text, i + 1, field);
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (ch == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (ch == '\n') {
                throw new IllegalArgumentException("bare LF outside quotes at " + i);
            } else if (ch == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            } else {
                field.append(ch);
                i++;
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }

    /** Reads a quoted field's content from {@code start} (after the opening quote); returns the index after it. */
    private static int quoted(String text, int start, StringBuilder field) {
        int i = start;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                field.append(ch);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated quoted field from " + start);
    }
}
