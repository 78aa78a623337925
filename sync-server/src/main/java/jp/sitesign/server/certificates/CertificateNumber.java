package jp.sitesign.server.certificates;

import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;

/** 証明書管理番号: {@code JC-} and the certificate's row id in eight digits (or more, once past them). */
public final class CertificateNumber {
    private static final String PREFIX = "JC-";

    private CertificateNumber() {
    }

    public static String of(long id) {
        return PREFIX + String.format("%08d", id);
    }

    /** The row id a management number names; a malformed number is a 400 that says the expected form. */
    public static long parse(String number) {
        if (number == null || !number.matches("JC-\\d{8,18}")) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD,
                    "証明書管理番号は JC- と 8 桁以上の数字です: " + number,
                    "A certificate management number is JC- followed by at least 8 digits: " + number);
        }
        return Long.parseLong(number.substring(PREFIX.length()));
    }
}
