package jp.sitesign.model.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer: a stable code and a message in Japanese and English. Here, beside
 * {@link ErrorCode}, because the server writes it and the desktop app reads it back into the same
 * {@link SiteSignException} ({@link #toException()}).
 *
 * @param field the request field at fault, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String messageJa, String messageEn, String field) {

    public static ErrorBody of(SiteSignException e) {
        return new ErrorBody(e.code().name(), e.messageJa(), e.messageEn(), null);
    }

    public static ErrorBody of(ErrorCode code) {
        return new ErrorBody(code.name(), code.messageJa(), code.messageEn(), null);
    }

    /**
     * The error as the side that received it throws it: the server's code and both messages.
     *
     * @throws IllegalArgumentException the code is not one this version knows, or a part is missing
     */
    public SiteSignException toException() {
        if (code == null || messageJa == null || messageEn == null) {
            throw new IllegalArgumentException("not a complete error body");
        }
        return new SiteSignException(ErrorCode.valueOf(code), messageJa, messageEn);
    }
}
