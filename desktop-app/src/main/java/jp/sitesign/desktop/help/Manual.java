package jp.sitesign.desktop.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.desktop.ui.Language;

/**
 * The 操作マニュアル, read from its source text ({@code help/manual_ja.md}, {@code help/manual_en.md}): a small
 * Markdown subset, so the manual is edited as text and reviewed in diffs.
 *
 * <pre>
 * # Chapter title {#id}        a chapter; the id is the same in every language (F1 on a screen opens one by id)
 * ## Heading                   a heading inside a chapter
 * - item                       a bullet
 * ![caption](file.png)         a picture from help/images/ (scripts/manual-pictures.sh makes them)
 * text lines                   a paragraph (lines until an empty line are joined); **bold** inside
 * </pre>
 */
public record Manual(List<Chapter> chapters) {
    private static final Pattern CHAPTER = Pattern.compile("#\\s+(.+?)\\s*\\{#([a-z0-9-]+)}\\s*");
    private static final Pattern PICTURE = Pattern.compile("!\\[(.*)]\\(([A-Za-z0-9._-]+)\\)\\s*");
    /** Where the pictures are, as class-path resources. */
    public static final String IMAGES = "/jp/sitesign/desktop/help/images/";

    public Manual {
        chapters = List.copyOf(chapters);
    }

    /** One chapter: its id, title and blocks in order. */
    public record Chapter(String id, String title, List<Block> blocks) {
        public Chapter {
            blocks = List.copyOf(blocks);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** A piece of a chapter. */
    public sealed interface Block permits Heading, Paragraph, Bullet, Picture {
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullet(String text) implements Block {
    }

    /** A picture: the file in {@link #IMAGES} and the caption under it. */
    public record Picture(String file, String caption) implements Block {
    }

    /** The manual in {@code language}, from the class path. */
    public static Manual load(Language language) {
        String name = "/jp/sitesign/desktop/help/manual_" + language.code() + ".md";
        try (InputStream in = Manual.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the source text; text before the first chapter is ignored (a comment for editors). */
    public static Manual parse(String source) {
        List<Chapter> chapters = new ArrayList<>();
        String id = null;
        String title = null;
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : source.split("\\R", -1)) {
            String line = raw.strip();
            Matcher chapter = CHAPTER.matcher(line);
            Matcher picture = PICTURE.matcher(line);
            boolean special = chapter.matches() || line.startsWith("## ") || line.startsWith("- ")
                    || picture.matches() || line.isEmpty();
            if (special && paragraph.length() > 0) {
                blocks.add(new Paragraph(paragraph.toString()));
                paragraph.setLength(0);
            }
            if (chapter.matches()) {
                if (id != null) {
                    chapters.add(new Chapter(id, title, blocks));
                }
                title = chapter.group(1);
                id = chapter.group(2);
                blocks = new ArrayList<>();
            } else if (id == null || line.isEmpty()) {
                continue;
            } else if (line.startsWith("## ")) {
                blocks.add(new Heading(line.substring(3).strip()));
            } else if (line.startsWith("- ")) {
                blocks.add(new Bullet(line.substring(2).strip()));
            } else if (picture.matches()) {
                blocks.add(new Picture(picture.group(2), picture.group(1)));
            } else {
                if (paragraph.length() > 0 && paragraph.charAt(paragraph.length() - 1) < 0x3000
                        && line.charAt(0) < 0x3000) {
                    paragraph.append(' '); // English lines join with a space, Japanese ones without
                }
                paragraph.append(line);
            }
        }
        if (paragraph.length() > 0) {
            blocks.add(new Paragraph(paragraph.toString()));
        }
        if (id != null) {
            chapters.add(new Chapter(id, title, blocks));
        }
        return new Manual(chapters);
    }

    public Optional<Chapter> chapter(String id) {
        return chapters.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Every picture the manual shows, in order. */
    public List<Picture> pictures() {
        return chapters.stream().flatMap(c -> c.blocks().stream()).filter(Picture.class::isInstance)
                .map(Picture.class::cast).toList();
    }
}
