package jp.sitesign.desktop.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.sitesign.desktop.ui.Language;
import org.junit.jupiter.api.Test;

/**
 * The 操作マニュアル's source: both languages have the chapters issue 14 asks for, in the same order with the
 * same ids (F1 opens a chapter by id), every chapter has text, and every picture named is in help/images/.
 */
class ManualTest {
    private static final List<String> CHAPTERS_JA = List.of("ログイン", "契約一覧と検索", "要対応（自分の番）",
            "契約書の作成と承認ルート", "承認・差戻し", "署名（ICカード・証明書ファイル）", "受領確認", "PDFの閲覧・印刷・保存",
            "オフラインと同期", "自分の情報", "管理者向け（利用者・証明書・取引先・API連携・監査ログ）", "困ったとき");

    @Test
    void theJapaneseManualHasTheTwelveChapters() {
        Manual ja = Manual.load(Language.JA);
        assertThat(ja.chapters()).extracting(Manual.Chapter::title).containsExactlyElementsOf(CHAPTERS_JA);
        assertThat(ja.chapters()).allSatisfy(c -> assertThat(c.blocks()).as(c.title())
                .anyMatch(b -> b instanceof Manual.Paragraph || b instanceof Manual.Bullet));
    }

    @Test
    void theEnglishManualHasTheSameChaptersInTheSameOrder() {
        Manual ja = Manual.load(Language.JA);
        Manual en = Manual.load(Language.EN);
        assertThat(en.chapters()).extracting(Manual.Chapter::id)
                .containsExactlyElementsOf(ja.chapters().stream().map(Manual.Chapter::id).toList());
        assertThat(en.chapters()).allSatisfy(c -> assertThat(c.title()).doesNotContainPattern("[\\u3040-\\u30FF]"));
    }

    @Test
    void everyPictureNamedIsInTheImagesFolderAndEachManualShowsSome() {
        for (Language language : Language.values()) {
            Manual manual = Manual.load(language);
            assertThat(manual.pictures()).as(language.code()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(manual.pictures()).allSatisfy(p -> assertThat(
                    Manual.class.getResource(Manual.IMAGES + p.file())).as(p.file()).isNotNull());
        }
    }

    @Test
    void theSourceFormatReadsChaptersHeadingsBulletsPicturesAndJoinedParagraphs() {
        Manual m = Manual.parse("""
                a comment before the first chapter
                # First {#one}
                Japanese lines
                join　without a space.
                ## A heading
                - a bullet
                ![the caption](pic.png)

                English lines
                join with one.
                # Second {#two}
                日本語の行は
                そのままつなぐ。
                """);
        assertThat(m.chapters()).extracting(Manual.Chapter::id).containsExactly("one", "two");
        assertThat(m.chapter("one").orElseThrow().blocks()).containsExactly(
                new Manual.Paragraph("Japanese lines join　without a space."), new Manual.Heading("A heading"),
                new Manual.Bullet("a bullet"), new Manual.Picture("pic.png", "the caption"),
                new Manual.Paragraph("English lines join with one."));
        assertThat(m.chapter("two").orElseThrow().blocks())
                .containsExactly(new Manual.Paragraph("日本語の行はそのままつなぐ。"));
    }
}
