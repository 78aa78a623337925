package jp.sitesign.desktop.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;

/**
 * A store in a temporary folder opened directly with a random key (no key file, so no PBKDF2 per test),
 * and small builders for contracts and pages. Login and key handling are tested through
 * {@link LocalStores} in {@code StoreLoginTest}.
 */
final class TestStores {
    static final String SERVER = "https://sitesign.example:8443";
    static final CompanyId OWN = new CompanyId("C00000001");
    static final CompanyId PARTNER = new CompanyId("C00000002");
    static final UserId ME = new UserId("U00000101");
    static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    final StoreLocation at;
    final SecretKey key = Aead.newKey();

    TestStores(Path dir) {
        this.at = StoreLocation.of(dir, SERVER, ME.value());
        OwnerOnlyFiles.directory(at.folder());
    }

    StoreSession open() {
        return StoreSession.open(at, key, ME, OWN, Clock.systemUTC());
    }

    static ContractDraft draft(String title) {
        return new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2026, 4, 10), 1_000_000L,
                true, false, Map.of(), null, null, List.of(new ContractDraft.Counterparty(PARTNER.value(), "U00000201")),
                List.of(), null, null);
    }

    /** A draft of the own company as the server would send it. */
    static ContractSnapshot contract(String id, String title, long revision) {
        ContractDraft d = draft(title);
        return ContractSnapshot.of(id, OWN, ME, d.progress(OWN), d.data().withManagementNumber("K-" + id), null,
                List.of(), revision, T, T.plusSeconds(revision));
    }

    static ChangePage page(long checkpoint, Change... changes) {
        return new ChangePage(List.of(changes), checkpoint, false, false);
    }
}
