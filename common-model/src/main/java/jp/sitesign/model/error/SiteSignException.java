package jp.sitesign.model.error;

import java.util.Objects;

/**
 * A failure the user can be told about, carrying a stable {@link ErrorCode} and, where the generic
 * message is not enough, a specific message in both languages (e.g. which password rule failed).
 */
public class SiteSignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String messageJa;
    private final String messageEn;

    public SiteSignException(ErrorCode code) {
        this(code, code.messageJa(), code.messageEn());
    }

    public SiteSignException(ErrorCode code, String messageJa, String messageEn) {
        super(code.name() + ": " + messageEn);
        this.code = Objects.requireNonNull(code);
        this.messageJa = messageJa;
        this.messageEn = messageEn;
    }

    public ErrorCode code() {
        return code;
    }

    public String messageJa() {
        return messageJa;
    }

    public String messageEn() {
        return messageEn;
    }
}
