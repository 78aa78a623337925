package jp.sitesign.model.document;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * The rules for a contract's attachments (添付書類, DESIGN §2): up to {@value #MAX_PER_CONTRACT} PDFs beside
 * the main one, each checked like the main PDF ({@link PdfCheck}) and shown under a display name the user
 * gives. Client and server check the same limits, so both refuse with the same words.
 *
 * <p>Attachments carry no signature of their own: they are fixed when the contract is sent and named by
 * their SHA-256 in the contract record (docs/decisions/0007-attachments.md).
 */
public final class Attachments {
    /** How many attachments a contract may have besides its main PDF. */
    public static final int MAX_PER_CONTRACT = 5;
    /** The longest display name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    private Attachments() {
    }

    /**
     * The display name as it will be stored (surrounding blanks removed), or a refusal that says what to fix:
     * empty, too long, or with control characters.
     */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw invalid("添付書類の名前（name）を入力してください。", "Give the attachment a name (name).");
        }
        if (n.length() > MAX_NAME_LENGTH) {
            throw invalid("添付書類の名前は " + MAX_NAME_LENGTH + " 文字以内で入力してください。",
                    "The attachment's name must be at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw invalid("添付書類の名前に制御文字は使えません。", "The attachment's name must not contain control characters.");
        }
        return n;
    }

    /** Refuses a further attachment when the contract already has {@value #MAX_PER_CONTRACT}. */
    public static void checkRoom(int attached) {
        if (attached >= MAX_PER_CONTRACT) {
            throw new SiteSignException(ErrorCode.ATTACHMENT_LIMIT,
                    "添付書類は " + MAX_PER_CONTRACT + " 件までです。追加するには、不要な添付書類を先に削除してください。",
                    "A contract can have at most " + MAX_PER_CONTRACT
                            + " attachments. Remove one you no longer need before adding another.");
        }
    }

    private static SiteSignException invalid(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_FIELD, ja, en);
    }
}
