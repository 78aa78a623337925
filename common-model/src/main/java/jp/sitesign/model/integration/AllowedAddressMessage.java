package jp.sitesign.model.integration;

import jp.sitesign.model.error.CataloguedMessage;
import jp.sitesign.model.error.ErrorCode;

/**
 * What the allowed-address checks say when a list cannot be taken, in Japanese and English (named apart from
 * the server's {@code IntegrationMessage}, which says what the integration endpoints refuse): one constant
 * per thing that went wrong, its error code and both texts in one place, so the desktop form and the server
 * refuse with the same words and the two languages cannot drift apart. The languages name the field and the
 * value in different orders, so the placeholders are numbered.
 */
enum AllowedAddressMessage implements CataloguedMessage {
    /** Arguments: the field, the most allowed. */
    ADDRESS_COUNT(ErrorCode.INVALID_FIELD, "許可する接続元アドレス（%1$s）を 1〜%2$s 件指定してください。",
            "Name 1 to %2$s allowed client addresses (%1$s)."),
    /** Arguments: the field, the entry. */
    NOT_AN_ADDRESS_BLOCK(ErrorCode.INVALID_FIELD,
            "「%1$s」の「%2$s」は IP アドレスまたは CIDR（例: 192.0.2.0/24, 2001:db8::/32）ではありません。",
            "\"%2$s\" in %1$s is not an IP address or CIDR block (e.g. 192.0.2.0/24, 2001:db8::/32).");

    private final Texts texts;

    AllowedAddressMessage(ErrorCode code, String messageJa, String messageEn) {
        this.texts = new Texts(code, messageJa, messageEn);
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
