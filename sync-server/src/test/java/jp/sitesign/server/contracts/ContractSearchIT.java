package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractQuery.Sort;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.ContractResource;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's search over sealed titles and 文書管理番号 (ADR 46) gives what the shared {@link ContractQuery} and
 * the access policy give over every stored contract, for admins, members and a partner, whatever SQL, the
 * visibility columns and the blind index narrowed; and the index follows a contract's life: an edited title,
 * a deleted draft, the backfill of rows without columns, a rotation of the company key.
 */
class ContractSearchIT {
    private static final String[] TITLES = {"外壁改修工事 注文書", "SiteSign Tower 新築工事", "ＳｉｔｅＳｉｇｎ 倉庫 改修",
        "内装工事 請書", "sitesign 設備更新", "足場 架設 契約", "ｶﾞｽ 配管工事", "100% 完了検査", "a_b 特記"};

    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany p;
    static TestServer.TestCompany q2;
    static ContractRepository repository;
    static Caller aAdmin;
    static Caller aMember;
    static Caller aMember2;
    static Caller pAdmin;
    static Caller pMember;
    /** Every contract stored, as the test wrote it: the reference the search is compared with. */
    static final Map<String, StoredContract> stored = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        p = server.createCompany("協力工業株式会社");
        q2 = server.createCompany("設備商事株式会社");
        repository = new ContractRepository(new ContentCipher(server.context().masterKey(), new ObjectMapper()),
                server.context().changes());
        aAdmin = caller(a.admin());
        aMember = caller(a.member());
        aMember2 = caller(a.member2());
        pAdmin = caller(p.admin());
        pMember = caller(p.member());
        Random r = new Random(18);
        Instant t0 = Instant.parse("2026-04-01T00:00:00Z");
        for (int i = 0; i < 120; i++) {
            TestServer.TestCompany partner = r.nextBoolean() ? p : q2;
            UserId creator = r.nextInt(3) == 0 ? a.admin() : a.member();
            boolean sent = r.nextInt(3) == 0;
            ContractProgress progress = sent
                    ? new ContractProgress(ContractForm.BILATERAL, ContractStatus.IN_APPROVAL, List.of(
                            new PartyStep(a.id(), null, List.of(), a.member2(), true),
                            PartyStep.counterparty(partner.id(), partner.member())), 1, 0, null, null)
                    : ContractProgress.draft(ContractForm.BILATERAL, List.of(
                            PartyStep.sender(a.id(), List.of(), r.nextBoolean() ? a.member2() : a.admin()),
                            PartyStep.counterparty(partner.id(), partner.member())), null);
            String title = r.nextInt(10) == 0 ? null : TITLES[r.nextInt(TITLES.length)] + " " + i;
            String number = String.format("%s-2026-%05d", r.nextBoolean() ? "K" : "k", i);
            LocalDate date = r.nextInt(6) == 0 ? null : LocalDate.of(2026, 4, 1).plusDays(r.nextInt(10));
            Long amount = r.nextInt(6) == 0 ? null : (long) r.nextInt(6) * 5_000;
            Instant updated = t0.plusSeconds(60L * r.nextInt(60));
            insert(new StoredContract(UUID.randomUUID().toString(), a.id(), creator, progress,
                    data(number, title, date, amount), null, 1, t0, updated));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyQueryGivesWhatContractQueryAndThePolicyGiveOverAllContracts() {
        for (Caller caller : List.of(aAdmin, aMember, aMember2, pAdmin, pMember)) {
            for (ContractQuery query : battery()) {
                assertSameAsReference(caller, query);
            }
        }
    }

    @Test
    void aJapaneseSubstringOfTheTitleFindsExactlyTheContractsHoldingIt() {
        ContractQuery query = title("改修");
        List<String> ids = ids(aAdmin, query);
        assertThat(ids).isNotEmpty().isEqualTo(expected(aAdmin, query));
        assertThat(ids).allMatch(id -> stored.get(id).data().title().contains("改修"));
        // The index narrowed (it did not fall back to opening every contract) and kept every match.
        assertThat(narrowed(a.id(), query)).isNotNull().containsAll(ids);
    }

    @Test
    void latinTextIsFoundWhateverItsCaseAndFullWidthTextByItsFullWidthForm() {
        ContractQuery lower = title("sitesign tower");
        assertThat(ids(aAdmin, lower)).isNotEmpty().isEqualTo(expected(aAdmin, lower));
        assertThat(ids(aAdmin, lower)).allMatch(id -> stored.get(id).data().title().startsWith("SiteSign Tower"));
        ContractQuery fullWidth = title("ｓｉｔｅｓｉｇｎ");
        List<String> wide = ids(aAdmin, fullWidth);
        assertThat(wide).isNotEmpty().isEqualTo(expected(aAdmin, fullWidth));
        assertThat(wide).allMatch(id -> stored.get(id).data().title().startsWith("ＳｉｔｅＳｉｇｎ"));
        // Width is folded by the index only: "sitesign" half-width narrows to both spellings, and ContractQuery
        // keeps the ones it matches, so the index loses nothing and adds nothing.
        assertThat(narrowed(a.id(), title("sitesign"))).containsAll(wide);
        assertThat(ids(aAdmin, title("sitesign"))).isEqualTo(expected(aAdmin, title("sitesign")))
                .noneMatch(wide::contains);
        ContractQuery kana = title("ｶﾞｽ");
        assertThat(ids(aAdmin, kana)).isNotEmpty().isEqualTo(expected(aAdmin, kana));
    }

    @Test
    void anExactManagementNumberFindsItsContractInAnyCase() {
        // A number whose tail trigrams are its own (K-2026-00000 shares every trigram with K-2026-00012).
        StoredContract k = stored.values().stream().filter(x -> x.data().managementNumber().matches("K-2026-000[1-9][1-9]"))
                .findFirst().orElseThrow();
        String number = k.data().managementNumber();
        assertThat(ids(aAdmin, number(number))).containsExactly(k.id());
        assertThat(ids(aAdmin, number(number.toLowerCase()))).containsExactly(k.id());
        assertThat(narrowed(a.id(), number(number))).containsExactly(k.id());
    }

    @Test
    void anEditedTitleIsFoundByItsNewTextAndNoLongerByItsOld() {
        StoredContract k = server.context().contracts().drafts().create(aMember, ContractProgress.draft(
                ContractForm.BILATERAL, List.of(PartyStep.sender(a.id(), List.of(), null)), null),
                data(null, "旧称 擁壁補強工事", LocalDate.of(2026, 4, 3), 10_000L));
        stored.put(k.id(), k);
        assertThat(ids(aMember, title("擁壁補強"))).containsExactly(k.id());
        StoredContract edited = server.context().contracts().drafts().edit(aMember, k.id(), k.revision(),
                k.progress(), data(k.data().managementNumber(), "新称 法面保護工事", LocalDate.of(2026, 4, 3), 10_000L));
        stored.put(k.id(), edited);
        assertThat(ids(aMember, title("擁壁補強"))).isEmpty();
        assertThat(narrowed(a.id(), title("擁壁補強"))).doesNotContain(k.id());
        assertThat(ids(aMember, title("法面保護"))).containsExactly(k.id());
    }

    @Test
    void aDeletedDraftLeavesNothingInTheIndex() {
        StoredContract k = server.context().contracts().drafts().create(aMember, ContractProgress.draft(
                ContractForm.BILATERAL, List.of(PartyStep.sender(a.id(), List.of(), null)), null),
                data(null, "消える 仮設トイレ設置", null, null));
        stored.put(k.id(), k);
        assertThat(ids(aMember, title("仮設トイレ"))).containsExactly(k.id());
        assertThat(indexRows(k.id())).isPositive();
        server.context().contracts().workflow().act(aMember, k.id(), k.revision(), LifecycleCommand.DELETE, null);
        stored.remove(k.id());
        assertThat(indexRows(k.id())).isZero();
        assertThat(ids(aMember, title("仮設トイレ"))).isEmpty();
    }

    @Test
    void aContractTheCallerMayNotSeeIsNotFoundByItsTitle() {
        StoredContract hidden = insert(new StoredContract(UUID.randomUUID().toString(), a.id(), a.admin(),
                ContractProgress.draft(ContractForm.BILATERAL, List.of(PartyStep.sender(a.id(), List.of(), a.admin()),
                        PartyStep.counterparty(p.id(), p.member())), null),
                data("H-0001", "極秘 役員室改装", null, null), null, 1, Instant.now(), Instant.now()));
        assertThat(ids(aAdmin, title("役員室改装"))).containsExactly(hidden.id());
        // A member who takes no part, and the partner it has not reached yet, find nothing.
        assertThat(ids(aMember, title("役員室改装"))).isEmpty();
        assertThat(ids(pAdmin, title("役員室改装"))).isEmpty();
        assertThat(narrowed(p.id(), title("役員室改装"))).isEmpty();
        assertThat(ids(pAdmin, number("H-0001"))).isEmpty();
    }

    @Test
    void contractsWithoutSearchColumnsGetThemOnStart() {
        ContractQuery query = title("内装工事");
        List<String> before = ids(pAdmin, query);
        // As contracts written before the columns existed: some of those the query finds, and one it does not.
        List<String> bare = new ArrayList<>(before.subList(0, Math.min(3, before.size())));
        stored.keySet().stream().filter(id -> !before.contains(id)).findFirst().ifPresent(bare::add);
        server.context().db().inTransaction(c -> {
            for (String id : bare) {
                ContractSearchIndex.remove(c, id);
            }
            return null;
        });
        assertThat(bare).allMatch(id -> indexRows(id) == 0);
        assertThat(server.context().contracts().indexForSearch()).isEqualTo(bare.size());
        assertThat(bare).allMatch(id -> indexRows(id) > 0);
        assertThat(ids(pAdmin, query)).isEqualTo(before).isEqualTo(expected(pAdmin, query));
        assertThat(narrowed(p.id(), query)).containsAll(before);
    }

    @Test
    void aRotatedCompanyKeyRebuildsTheCompanysTermsUnderTheNewKey() {
        ContractQuery query = title("請書");
        List<String> before = ids(pMember, query);
        assertThat(before).isNotEmpty();
        List<Long> oldTerms = terms(p.id());
        var rotated = server.context().companyKeys().rotate(p.id(), 7, Duration.ZERO);
        assertThat(rotated.finished()).isTrue();
        assertThat(terms(p.id())).hasSameSizeAs(oldTerms).doesNotContainAnyElementsOf(oldTerms);
        assertThat(ids(pMember, query)).isEqualTo(before).isEqualTo(expected(pMember, query));
        assertThat(narrowed(p.id(), query)).containsAll(before);
    }

    private static List<ContractQuery> battery() {
        List<ContractQuery> out = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            out.add(new ContractQuery(null, null, null, null, null, null, null, null, sort, 0, 500));
            out.add(new ContractQuery(null, null, null, null, null, null, null, null, sort, 3, 7));
            out.add(new ContractQuery(null, "工事", null, null, null, null, null, null, sort, 2, 9));
        }
        out.add(title("改修"));
        out.add(title("SITESIGN"));
        out.add(title("ＳＩＴＥ"));
        out.add(title("100%"));
        out.add(title("_"));
        out.add(title("a_b"));
        out.add(title("工"));
        out.add(title("存在しない語"));
        out.add(number("k-2026-0001"));
        out.add(number("2026"));
        out.add(new ContractQuery("k-2026", "工事", Set.of(ContractStatus.DRAFT), LocalDate.of(2026, 4, 2),
                LocalDate.of(2026, 4, 8), 5_000L, 20_000L, null, Sort.AMOUNT_DESC, 0, 500));
        out.add(new ContractQuery(null, null, Set.of(ContractStatus.IN_APPROVAL), null, null, null, null, null,
                Sort.TRANSACTION_DATE_DESC, 0, 500));
        out.add(new ContractQuery(null, null, null, null, null, null, null, p.id(), Sort.TRANSACTION_DATE_ASC, 0, 500));
        out.add(new ContractQuery(null, null, null, null, null, null, null, a.id(), null, 0, 500));
        out.add(new ContractQuery(null, null, null, null, null, null, null, null, null, 10_000, 7));
        return out;
    }

    private static void assertSameAsReference(Caller caller, ContractQuery query) {
        var page = server.context().contracts().queries().search(caller, query);
        assertThat(page.items().stream().map(StoredContract::id).toList())
                .as("%s by %s", query, caller.getName()).isEqualTo(expected(caller, query));
        assertThat(page.total()).as("total of %s by %s", query, caller.getName())
                .isEqualTo(matches(caller, query).size());
    }

    private static List<String> ids(Caller caller, ContractQuery query) {
        assertSameAsReference(caller, query);
        return server.context().contracts().queries().search(caller, query).items().stream()
                .map(StoredContract::id).toList();
    }

    /** What ContractQuery and the access policy give over every stored contract: the reference. */
    private static List<String> expected(Caller caller, ContractQuery query) {
        return query.page(matches(caller, query)).stream().map(ContractQuery.Keys::id).toList();
    }

    private static List<ContractQuery.Keys> matches(Caller caller, ContractQuery query) {
        var actor = Guard.actor(caller.user(), caller.companyStatus(), false);
        return stored.values().stream()
                .filter(k -> AccessPolicy.decide(actor, Action.VIEW_CONTRACT,
                        ContractResource.of(k.progress(), k.creator(), false)).allowed())
                .map(StoredContract::keys).filter(k -> query.matches(k, caller.user().companyId()))
                .sorted(query.order()).toList();
    }

    private static java.util.Set<String> narrowed(CompanyId viewer, ContractQuery query) {
        return server.context().db().read(c -> repository.index().narrow(c, viewer, query)).orElse(null);
    }

    private static long indexRows(String id) {
        return server.context().db().read(c -> {
            long n = 0;
            for (String table : List.of("contract_people", "contract_terms")) {
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE contract_id = ?")) {
                    ps.setString(1, id);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
            return n;
        });
    }

    private static List<Long> terms(CompanyId company) {
        return server.context().db().read(c -> {
            List<Long> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT term FROM contract_terms WHERE company_id = ? ORDER BY term")) {
                ps.setString(1, company.value());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    private static StoredContract insert(StoredContract k) {
        server.context().db().inTransaction(c -> {
            repository.insert(c, k, "x" + k.id());
            return null;
        });
        stored.put(k.id(), k);
        return k;
    }

    private static ContractData data(String number, String title, LocalDate date, Long amount) {
        return new ContractData(number, title, date, amount, true, false, ConstructionTerms.empty(), null, null);
    }

    private static ContractQuery title(String text) {
        return new ContractQuery(null, text, null, null, null, null, null, null, null, 0, 500);
    }

    private static ContractQuery number(String text) {
        return new ContractQuery(text, null, null, null, null, null, null, null, null, 0, 500);
    }

    private static Caller caller(UserId user) {
        return server.context().auth().authenticate(server.api().login(user.value(), TestServer.PASSWORD),
                "127.0.0.1");
    }

}
