package jp.sitesign.server.cli;

import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;

/** Parses ids given on the command line with a message in both languages. */
final class Ids {
    private Ids() {
    }

    static CompanyId company(String value) {
        if (!CompanyId.isValid(value)) {
            throw OperatorMessage.COMPANY_ID_MALFORMED.exception(value);
        }
        return new CompanyId(value);
    }

    static UserId user(String value) {
        if (!UserId.isValid(value)) {
            throw OperatorMessage.USER_ID_MALFORMED.exception(value);
        }
        return new UserId(value);
    }
}
