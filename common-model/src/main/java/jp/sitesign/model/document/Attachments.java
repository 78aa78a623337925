package jp.sitesign.model.document;


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
            throw DocumentMessage.ATTACHMENT_NAME_MISSING.exception();
        }
        if (n.length() > MAX_NAME_LENGTH) {
            throw DocumentMessage.ATTACHMENT_NAME_TOO_LONG.exception(MAX_NAME_LENGTH);
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw DocumentMessage.ATTACHMENT_NAME_CONTROL.exception();
        }
        return n;
    }

    /** Refuses a further attachment when the contract already has {@value #MAX_PER_CONTRACT}. */
    public static void checkRoom(int attached) {
        if (attached >= MAX_PER_CONTRACT) {
            throw DocumentMessage.TOO_MANY_ATTACHMENTS.exception(MAX_PER_CONTRACT);
        }
    }
}
