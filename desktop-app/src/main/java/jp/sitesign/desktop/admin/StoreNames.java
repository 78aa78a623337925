package jp.sitesign.desktop.admin;

import java.util.Optional;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.PersonName;
import jp.sitesign.model.user.UserView;

/**
 * Names from this computer's store for the audit log: colleagues and partners' people (ADR 43), contracts by
 * 文書管理番号 and title, companies by name. Read on each call: the store follows the sync.
 */
public final class StoreNames implements AuditTexts.Directory {
    private final StoreSession store;

    public StoreNames(StoreSession store) {
        this.store = store;
    }

    @Override
    public Optional<String> person(String userId) {
        Optional<String> colleague = store.user(userId).map(UserView::name).filter(n -> !n.isBlank());
        return colleague.isPresent() ? colleague
                : Optional.ofNullable(store.partnerPeople().get(userId)).map(PersonName::name);
    }

    @Override
    public Optional<String> contract(String contractId) {
        return store.contracts().current(contractId).map(LocalContract::current).map(StoreNames::named);
    }

    @Override
    public Optional<String> company(String companyId) {
        if (store.company() != null && store.company().value().equals(companyId)) {
            return store.companyName();
        }
        return store.partnerships().stream().filter(p -> p.counterpartyId().value().equals(companyId))
                .map(Partnership::counterpartyName).findFirst();
    }

    private static String named(ContractSnapshot k) {
        String number = k.managementNumber() == null ? "" : k.managementNumber();
        String title = k.title() == null ? "" : k.title();
        return (number + " " + title).strip();
    }
}
