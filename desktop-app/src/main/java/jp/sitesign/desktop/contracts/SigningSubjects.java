package jp.sitesign.desktop.contracts;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.signing.BulkSigningViewModel;
import jp.sitesign.desktop.signing.SigningViewModel;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.DocumentKind;

/**
 * What the signing dialog says is being signed, written as the contract screens write it ({@link ContractTexts}):
 * 文書管理番号, title, counterparty, amount, and which version of the document (its number among the contract's
 * versions of the main document, and its SHA-256 for the fingerprint).
 */
public final class SigningSubjects {
    private SigningSubjects() {
    }

    /** The contract {@code contractId} as this computer knows it now; empty if it does not. */
    public static Optional<SigningViewModel.Subject> of(StoreSession store, String contractId, ResourceBundle bundle) {
        return store.contracts().current(contractId).map(lk -> {
            ContractSnapshot k = lk.current();
            ContractTexts texts = ContractTexts.of(bundle, store, store.partnerships());
            return new SigningViewModel.Subject(k.managementNumber(),
                    k.title() == null ? bundle.getString("contracts.detail.untitled") : k.title(),
                    texts.counterparty(k, store.company().value()), texts.amount(k.amountYen(), k.taxIncluded()),
                    version(k), k.mainDocument());
        });
    }

    /**
     * The contracts waiting on the user's signature (common-model's turn, as the 要対応 tab asks it), the
     * longest-waiting first, as the 一括署名 window lists them.
     */
    public static List<BulkSigningViewModel.Entry> waitingToSign(StoreSession store, ResourceBundle bundle) {
        ContractTexts texts = ContractTexts.of(bundle, store, store.partnerships());
        String own = store.company().value();
        return WaitingContracts.toSign(store).stream().map(lk -> {
            ContractSnapshot k = lk.current();
            return new BulkSigningViewModel.Entry(k.id(), k.managementNumber() == null ? "" : k.managementNumber(),
                    k.title() == null ? bundle.getString("contracts.detail.untitled") : k.title(),
                    texts.counterparty(k, own), texts.amount(k.amountYen(), k.taxIncluded()));
        }).toList();
    }

    /** 1 for the document as uploaded, 2 after the first signature…: its place among the main document's versions. */
    static int version(ContractSnapshot k) {
        List<ContractSnapshot.DocumentRef> main = k.documents().stream()
                .filter(d -> !DocumentKind.ATTACHMENT.name().equals(d.kind())).toList();
        for (int i = 0; i < main.size(); i++) {
            if (main.get(i).sha256().equals(k.mainDocument())) {
                return i + 1;
            }
        }
        return Math.max(1, main.size());
    }
}
