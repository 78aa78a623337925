package jp.sitesign.desktop.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;

/**
 * A real local store in a temporary folder for the screens' view-model tests (other packages cannot open
 * one directly), filled the way the sync engine fills it: pages of the change feed.
 */
public final class UiTestStores {
    public static final CompanyId OWN = TestStores.OWN;
    public static final CompanyId PARTNER = TestStores.PARTNER;
    public static final UserId ME = TestStores.ME;
    public static final Instant T = TestStores.T;

    private final List<Change> changes = new ArrayList<>();
    private long seq;

    private UiTestStores() {
    }

    /** A store for {@link #ME} of {@link #OWN} under {@code dir}. */
    public static StoreSession open(Path dir) {
        TestStores stores = new TestStores(dir);
        return StoreSession.open(stores.at, stores.key, ME, OWN, Clock.systemUTC());
    }

    public static UiTestStores changes() {
        return new UiTestStores();
    }

    /** Changes that follow what {@code store} already applied (the feed only moves forward). */
    public static UiTestStores changesAfter(StoreSession store) {
        UiTestStores next = new UiTestStores();
        next.seq = store.checkpoint();
        return next;
    }

    /** The user {@code id} of the own company. */
    public UiTestStores user(String id, Role role, boolean signingAuthority) {
        changes.add(Change.of(new UserView(id, OWN.value(), role, role.name(), UserStatus.ACTIVE, "利用中", "利用者 " + id,
                "リヨウシャ", id.toLowerCase() + "@example.jp", "工事部", null, false, signingAuthority, null, null, false,
                1, T), ++seq));
        return this;
    }

    /** A partnership naming the counterparty {@code company}. */
    public UiTestStores partner(CompanyId company, String name) {
        changes.add(Change.of(new Partnership(seq + 1, company, name, OWN, ME.value(), T, "電子契約の方法", null, null,
                null), ++seq));
        return this;
    }

    public UiTestStores contract(ContractSnapshot k) {
        changes.add(Change.of(k, ++seq));
        return this;
    }

    public void applyTo(StoreSession store) {
        store.apply(new ChangePage(changes, seq, false, false));
    }

    /** A draft of the own company, created by {@link #ME}, to {@link #PARTNER}. */
    public static ContractSnapshot draft(String id, String title, String number, LocalDate date, Long amountYen,
            long revision) {
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, null, title, date, amountYen, true, false,
                Map.of(), null, null, List.of(new ContractDraft.Counterparty(PARTNER.value(), "U00000201")), List.of(),
                null, null);
        return ContractSnapshot.of(id, OWN, ME, d.progress(OWN), d.data().withManagementNumber(number), null,
                List.of(), revision, T, T.plusSeconds(revision));
    }

    /** A contract of the own company to {@link #PARTNER}, K-100, titled {@code title}, whose PDF is {@code sha}. */
    public static ContractSnapshot withDocument(String id, String title, String sha) {
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, null, title, LocalDate.of(2026, 4, 1),
                1_000_000L, true, false, Map.of(), null, null,
                List.of(new ContractDraft.Counterparty(PARTNER.value(), "U00000201")), List.of(), null, null);
        return ContractSnapshot.of(id, OWN, ME, d.progress(OWN), d.data().withManagementNumber("K-100"), sha,
                List.of(), 4, T, T);
    }
}
