package jp.sitesign.server.contracts;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the contract endpoints say when a draft, a workflow step, a signature or a query cannot be taken, in
 * Japanese and English, shaped like {@code SigningError}: one constant per thing that went wrong with its error
 * code and both texts, so a wording is changed once and the two languages cannot drift apart. Texts may hold
 * {@code %s} placeholders, filled in order from the arguments of {@link #exception(Object...)}; where the two
 * languages need different arguments (a label in each language) they are numbered, Japanese first.
 * Refusals of the lifecycle itself come from common-model with their own texts and are not repeated here.
 */
enum ContractMessage implements CataloguedMessage {
    ID_NOT_UUID(ErrorCode.INVALID_FIELD, "案件 ID は UUID で指定してください。", "The contract id must be a UUID."),
    AMENDMENT_FROM_ORIGINAL(ErrorCode.INVALID_FIELD,
            "変更契約は、元の契約から作成してください（POST /api/v1/contracts/{id}/amendments）。",
            "Start a change contract from its original (POST /api/v1/contracts/{id}/amendments)."),
    ORIGINAL_FIXED(ErrorCode.INVALID_FIELD, "元の契約（originalId）は変更できません。",
            "The original contract (originalId) cannot be changed."),
    RECEIVER_REQUIRED(ErrorCode.INVALID_FIELD, "各取引先の担当者を指定してください。",
            "Name the receiving user of each counterparty."),
    ID_TAKEN(ErrorCode.CONFLICT, "案件 ID %s は既に使われています。", "Contract id %s is already taken."),
    SENDER_NOT_OWN(ErrorCode.INVALID_FIELD, "送付元は自社でなければなりません。", "The sender must be your own company."),
    DUPLICATE_DOCUMENT(ErrorCode.DUPLICATE_DOCUMENT,
            "同じ内容の PDF が既にこの案件にあります（本文または添付書類）。別の PDF を選んでください。",
            "A PDF with the same content is already on this contract (as the main PDF or an attachment)."
                    + " Choose a different PDF."),
    DOCUMENT_NOT_IN_CONTRACT(ErrorCode.NOT_FOUND, "文書 %s はこの案件にありません。",
            "Document %s is not part of this contract."),
    MAIN_DOCUMENT_MISSING(ErrorCode.NOT_FOUND, "本文の PDF はまだ添付されていません。", "No main PDF has been attached yet."),
    EXPORT_FORMAT(ErrorCode.INVALID_FIELD, "format は csv または zip で指定してください。", "format must be csv or zip."),
    COUNTERPARTY_NOT_COMPANY_ID(ErrorCode.INVALID_FIELD, "counterparty は企業 ID（C + 8 桁）で指定してください。",
            "counterparty must be a company id (C followed by 8 digits)."),
    REVISION_REQUIRED(ErrorCode.INVALID_FIELD, "revision を指定してください。", "revision is required."),
    BASE_REQUIRED(ErrorCode.INVALID_FIELD, "署名した版の SHA-256（base）を指定してください。",
            "base must be the SHA-256 (hex) of the version that was signed."),
    HOLD_NOT_BOOLEAN(ErrorCode.INVALID_FIELD, "hold に true か false を指定してください。", "hold must be true or false."),
    REVISION_AND_SIGNER_REQUIRED(ErrorCode.INVALID_FIELD, "revision と signer を指定してください。",
            "revision and signer are required."),
    ATTACHMENT_NOT_SHA256(ErrorCode.INVALID_FIELD, "添付書類は SHA-256（16 進 64 文字、小文字）で指定してください。",
            "Name the attachment by its SHA-256 (64 lower-case hex digits)."),
    FORM_REQUIRED(ErrorCode.INVALID_FIELD, "契約形態（form）を指定してください。", "form is required."),
    AMOUNT_NOT_YEN(ErrorCode.INVALID_FIELD, "パラメータ「%s」は円単位の整数で指定してください。",
            "Parameter \"%s\" must be a whole number of yen."),
    SEAL_NOT_CONFIGURED(ErrorCode.CONFLICT,
            "このサーバーには組織の電子印に必要な設定（%s）がないため、「送付のみ」の契約を封印して送付できません。"
                    + "サーバー管理者に設定を依頼してください。",
            "This server lacks a setting the organisation seal needs (%s), so it cannot seal and"
                    + " send the send-only contract. Ask the server's administrator to configure it."),
    NOT_FOUND(ErrorCode.NOT_FOUND, "案件 %s は見つかりません。", "Contract %s was not found."),
    /** Args: the user, their company, the field that names them. */
    USER_NOT_ACTIVE(ErrorCode.INVALID_FIELD, "利用者 %s は %s の有効な利用者ではありません（%s）。",
            "User %s is not an active user of %s (%s)."),
    SIGNER_NOT_AUTHORISED(ErrorCode.INVALID_FIELD,
            "署名者 %s には署名権限がありません。管理者に、有効な電子証明書への紐付けを依頼してください。",
            "Signer %s has no signing authority. Ask an administrator to bind them to a valid signing certificate."),
    ATTACHMENT_NOT_FOUND(ErrorCode.NOT_FOUND, "添付書類 %s は見つかりません。", "Attachment %s was not found."),
    STALE(ErrorCode.CONFLICT, "他の操作でこの案件が更新されました。最新の内容を確認してから、もう一度操作してください。",
            "Someone else changed this contract. Reload it and try again."),
    MANAGEMENT_NUMBER_TAKEN(ErrorCode.INVALID_FIELD, "この文書管理番号は既に使われています。",
            "This management number is already in use."),
    CERTIFICATE_NOT_BOUND(ErrorCode.INVALID_SIGNATURE,
            "署名に使われた証明書は、あなたに割り当てられた自社の有効な電子証明書ではありません（%s）。",
            "The signature was not made with a valid company certificate bound to you (%s)."),
    MAIN_DOCUMENT_REQUIRED(ErrorCode.CONTRACT_INCOMPLETE, "本文の PDF を添付してください。", "Attach the main PDF first."),
    /** Args: the missing items' labels in Japanese (joined by 、), in English (joined by commas). */
    TERMS_MISSING(ErrorCode.CONTRACT_INCOMPLETE, "建設業法第19条の記載事項が不足しています: %1$s",
            "Items required by 建設業法 Article 19 are missing: %2$s"),
    /** Args: the signed version's SHA-256, the current one's. */
    SIGN_AGAIN(ErrorCode.SIGN_AGAIN, "署名した版（%s）は最新ではありません。最新の版（%s）に署名し直してください。",
            "The version you signed (%s) is not the current one (%s). Please sign the current version."),
    /** Args: the signing engine's message in Japanese, in English. */
    LTV_FAILED(ErrorCode.INTERNAL, "長期署名の付与に失敗しました: %1$s",
            "Adding the long-term validation data failed: %2$s"),
    /** Args: the signing engine's message in Japanese, in English. */
    ARCHIVE_RENEWAL_FAILED(ErrorCode.INTERNAL, "アーカイブタイムスタンプの更新に失敗しました: %1$s",
            "Renewing the archive timestamp failed: %2$s"),
    /** Args: the signing engine's message in Japanese, in English. */
    ARCHIVE_UNREADABLE(ErrorCode.INTERNAL, "アーカイブタイムスタンプを読み取れません: %1$s",
            "The archive timestamp cannot be read: %2$s"),
    TSA_CERTIFICATE_NOT_RENEWED(ErrorCode.INTERNAL,
            "TSA の証明書が更新されていないため（有効期限 %s）、アーカイブタイムスタンプを更新しても延長されません。"
                    + "TSA の運営者に証明書の更新を依頼してください。",
            "The TSA still signs with a certificate that expires %s, so a renewal would not"
                    + " extend the archive. Ask the TSA's operator to renew its certificate.");

    private final Texts texts;

    ContractMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
