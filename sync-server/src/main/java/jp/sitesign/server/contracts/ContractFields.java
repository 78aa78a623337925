package jp.sitesign.server.contracts;

import jp.sitesign.model.contract.ContractData;

/** The field checks, shared with the desktop editor ({@link jp.sitesign.model.contract.ContractFields}). */
final class ContractFields {
    private ContractFields() {
    }

    static void validate(ContractData d) {
        jp.sitesign.model.contract.ContractFields.validate(d);
    }
}
