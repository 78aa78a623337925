package jp.sitesign.server.certificates;

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
            throw CertificateMessage.NUMBER_MALFORMED.exception(number);
        }
        return Long.parseLong(number.substring(PREFIX.length()));
    }
}
