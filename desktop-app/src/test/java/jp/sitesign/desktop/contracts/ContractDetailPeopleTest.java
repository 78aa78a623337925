package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.store.UiTestStores;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.PersonName;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detail names the other company's signer as the server named them (ADR 43) and writes documents in words:
 * no user ids for known people, no UUIDs, no reason codes, no "+09:00".
 */
class ContractDetailPeopleTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final UserId PARTNER_SIGNER = new UserId("U00000201");
    static final String ID = "5a0c3e9e-1b7d-4a8e-9f10-3c2b1a000001";
    static final String UPLOADED = "a".repeat(64);
    static final String SIGNED = "b".repeat(64);

    @TempDir
    Path dir;
    StoreSession store;

    @BeforeEach
    void seed() {
        store = UiTestStores.open(dir);
        store.rememberCompanyName("サイトサイン建設株式会社");
        ContractProgress awaitingPartner = new ContractProgress(ContractForm.BILATERAL,
                ContractStatus.AWAITING_SIGNATURE, List.of(new PartyStep(UiTestStores.OWN, null, List.of(),
                        UiTestStores.ME, true), new PartyStep(UiTestStores.PARTNER, PARTNER_SIGNER, List.of(),
                        PARTNER_SIGNER, false)), 1, 0, null, null);
        ContractData data = new ContractData("DEMO-2026-005", "注文書 千葉市物流倉庫新築工事", LocalDate.of(2026, 12, 3),
                36_300_000L, true, false, ConstructionTerms.empty(), null, null);
        ContractSnapshot k = ContractSnapshot.of(ID, UiTestStores.OWN, UiTestStores.ME, awaitingPartner, data, SIGNED,
                List.of(new ContractSnapshot.DocumentRef(UPLOADED, "MAIN", null, 2, 1000, UiTestStores.ME.value(),
                        "UPLOADED", UiTestStores.T),
                        new ContractSnapshot.DocumentRef(SIGNED, "MAIN", null, 2, 1200, UiTestStores.ME.value(),
                                "SIGNED_BY_PARTY_1", UiTestStores.T.plusSeconds(60))),
                5, UiTestStores.T, UiTestStores.T.plusSeconds(60));
        UiTestStores.changes().user(UiTestStores.ME.value(), Role.MEMBER, true)
                .partner(UiTestStores.PARTNER, "みらい工務店株式会社").contract(k).applyTo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ContractDetailViewModel shown() {
        ContractDetailViewModel vm = new ContractDetailViewModel(store, (id, sha) -> new byte[0], () -> { },
                Clock.fixed(UiTestStores.T.plusSeconds(3600), ZoneOffset.UTC), Runnable::run, Runnable::run, JA);
        vm.load(ID).join();
        return vm;
    }

    @Test
    void thePartnersSignerIsNamedOnceTheServerGaveTheName() {
        assertThat(shown().parties()).anySatisfy(line -> assertThat(line).contains(PARTNER_SIGNER.value()));

        store.rememberPartnerPeople(List.of(new PersonName(PARTNER_SIGNER.value(), UiTestStores.PARTNER.value(),
                "中村 さくら", "工事部長")));

        List<String> parties = shown().parties();
        assertThat(parties.get(1)).contains("みらい工務店株式会社", "中村 さくら").doesNotContain(PARTNER_SIGNER.value());
        assertThat(parties.get(0)).contains("サイトサイン建設株式会社", "利用者 " + UiTestStores.ME.value());
    }

    @Test
    void documentsReadAsWordsWithTheSigningCompanyNamed() {
        List<String> documents = shown().documentLines();
        assertThat(documents.get(0)).startsWith("契約書PDF・2ページ・登録・2026/04/01 09:00");
        assertThat(documents.get(1)).startsWith("契約書PDF・2ページ・サイトサイン建設株式会社が署名済み・");
    }

    @Test
    void noDisplayedStringHoldsAUuidARawCodeOrAnOffset() {
        store.rememberPartnerPeople(List.of(new PersonName(PARTNER_SIGNER.value(), UiTestStores.PARTNER.value(),
                "中村 さくら", null)));
        ContractDetailViewModel vm = shown();
        List<String> shown = new ArrayList<>(vm.parties());
        shown.addAll(vm.documentLines());
        vm.fields().forEach(f -> shown.add(f[1]));
        for (String s : shown) {
            assertThat(s).doesNotContainPattern(UUID).doesNotContain("+09:00", "UPLOADED", "SIGNED_BY_PARTY",
                    PARTNER_SIGNER.value());
        }
    }
}
