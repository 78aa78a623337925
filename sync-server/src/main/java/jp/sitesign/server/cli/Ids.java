package jp.sitesign.server.cli;

import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.user.UserId;

/** Parses ids given on the command line with a message in both languages. */
final class Ids {
    private Ids() {
    }

    static CompanyId company(String value) {
        if (!CompanyId.isValid(value)) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD, "企業 ID は C + 8 桁の数字です: " + value,
                    "A company id is C followed by 8 digits: " + value);
        }
        return new CompanyId(value);
    }

    static UserId user(String value) {
        if (!UserId.isValid(value)) {
            throw new SiteSignException(ErrorCode.INVALID_FIELD, "利用者 ID は U + 8 桁の数字です: " + value,
                    "A user id is U followed by 8 digits: " + value);
        }
        return new UserId(value);
    }
}
