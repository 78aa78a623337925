package jp.sitesign.model.document;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * Why an uploaded PDF or attachment is refused, in Japanese and English: one constant per thing that went
 * wrong, its error code and both texts in one place, so a wording is changed once and the two languages cannot
 * drift apart. Texts may hold {@code %s} placeholders, filled in order from the arguments of
 * {@link #exception(Object...)}. The {@code TOO_COMPLEX_*} constants are labels (no code): the detail
 * {@link SafePdf} adds to {@link ErrorCode#DOCUMENT_TOO_COMPLEX}'s own text.
 */
enum DocumentMessage implements CataloguedMessage {
    PDF_TOO_LARGE(ErrorCode.PAYLOAD_TOO_LARGE, "PDF が大きすぎます（上限 %s MB）。", "The PDF is too large (limit %s MB)."),
    UPLOAD_TOO_LARGE(ErrorCode.PAYLOAD_TOO_LARGE, "PDF が大きすぎます（上限 %s MB）。ファイルを分割するか圧縮してください。",
            "The PDF is too large (limit %s MB). Split or compress it."),
    TOO_COMPLEX_NESTING(null, "入れ子が深すぎる構造があります", "it nests objects too deeply"),
    TOO_COMPLEX_SLOW(null, "読み取りに %s 秒以上かかります", "reading it takes longer than %s seconds"),
    TOO_COMPLEX_OBJECTS(null, "オブジェクトが %s 個を超えます", "it has more than %s objects"),
    TOO_COMPLEX_STREAM(null, "展開すると %s を超えるデータがあります", "a stream decodes to more than %s"),
    ATTACHMENT_NAME_MISSING(ErrorCode.INVALID_FIELD, "添付書類の名前（name）を入力してください。",
            "Give the attachment a name (name)."),
    ATTACHMENT_NAME_TOO_LONG(ErrorCode.INVALID_FIELD, "添付書類の名前は %s 文字以内で入力してください。",
            "The attachment's name must be at most %s characters."),
    ATTACHMENT_NAME_CONTROL(ErrorCode.INVALID_FIELD, "添付書類の名前に制御文字は使えません。",
            "The attachment's name must not contain control characters."),
    TOO_MANY_ATTACHMENTS(ErrorCode.ATTACHMENT_LIMIT,
            "添付書類は %s 件までです。追加するには、不要な添付書類を先に削除してください。",
            "A contract can have at most %s attachments. Remove one you no longer need before adding another."),
    FILE_EMPTY(ErrorCode.INVALID_DOCUMENT, "ファイルが空です。", "The file is empty."),
    NOT_A_PDF(ErrorCode.INVALID_DOCUMENT, "PDF ファイルではありません。", "This is not a PDF file."),
    PDF_TRUNCATED(ErrorCode.INVALID_DOCUMENT, "PDF ファイルが途中で切れています。もう一度保存し直してから添付してください。",
            "The PDF is truncated. Save it again and attach the new file."),
    PDF_PROTECTED(ErrorCode.INVALID_DOCUMENT,
            "パスワードや権限設定で保護された PDF は使用できません。保護を解除してから添付してください。",
            "Password- or permission-protected PDFs cannot be used. Remove the protection first."),
    PDF_UNREADABLE(ErrorCode.INVALID_DOCUMENT, "PDF を読み取れません（ファイルが壊れている可能性があります）。",
            "The PDF cannot be read (the file may be damaged)."),
    JAVASCRIPT(ErrorCode.INVALID_DOCUMENT,
            "JavaScript を含む PDF は契約文書に使用できません。JavaScript を含まない PDF として保存し直してください。",
            "A PDF containing JavaScript cannot be used as a contract document. Save it again without JavaScript."),
    LAUNCH_ACTION(ErrorCode.INVALID_DOCUMENT,
            "プログラムやファイルを起動するリンク（起動アクション）を含む PDF は使用できません。リンクを取り除いてから保存し直してください。",
            "A PDF with an action that launches a program or file cannot be used. Remove it and save the PDF again."),
    EMBEDDED_PROGRAM(ErrorCode.INVALID_DOCUMENT,
            "実行ファイル（%s）が埋め込まれた PDF は使用できません。添付ファイルを取り除いてから保存し直してください。",
            "A PDF with an embedded program (%s) cannot be used. Remove the attachment and save the PDF again."),
    NO_PAGES(ErrorCode.INVALID_DOCUMENT, "ページがない PDF は使用できません。", "The PDF has no pages."),
    PAGE_COUNT_MISMATCH(ErrorCode.INVALID_DOCUMENT,
            "PDF のページ数の記載（%s）が実際のページ数（%s）と一致しません。ファイルが壊れている可能性があります。PDF として保存し直してから添付してください。",
            "The PDF claims %s pages but has %s. The file may be damaged: save it again as PDF and attach the new file.");

    private final Texts texts;

    DocumentMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
