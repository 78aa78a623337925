package jp.sitesign.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/**
 * The JSON body of every error answer: a stable code and a message in Japanese and English.
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
}
