package jp.sitesign.desktop.routing;

import static jp.sitesign.desktop.editor.EditorFixtures.APPROVER;
import static jp.sitesign.desktop.editor.EditorFixtures.CONSENTED;
import static jp.sitesign.desktop.editor.EditorFixtures.ME;
import static jp.sitesign.desktop.editor.EditorFixtures.OWN;
import static jp.sitesign.desktop.editor.EditorFixtures.SIGNER;
import static jp.sitesign.desktop.editor.EditorFixtures.SUSPENDED_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.editor.EditorFixtures;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counterparty's route dialog on a real local store: who is offered, what is queued, when it is refused. */
class PartyRouteViewModelTest {
    private static final Instant NOW = Instant.parse("2026-04-02T00:00:00Z");
    private static final UserId DIRECTORY_SIGNER = new UserId("U00000105");
    private static final UserId PARTNER_CREATOR = new UserId("U00000201");

    @TempDir
    Path dir;
    private StoreSession store;
    private final AtomicInteger saved = new AtomicInteger();

    @AfterEach
    void close() {
        store.close();
    }

    private PartyRouteViewModel open(ContractSnapshot k) {
        // A colleague as the directory shows members: no role, no email (ADR 10).
        UserView fromDirectory = new UserView(DIRECTORY_SIGNER.value(), OWN.value(), null, null, UserStatus.ACTIVE,
                "利用中", "高橋 三郎", "タカハシ サブロウ", null, "工務部", "部長", false, true, null, null, false, 1, null);
        store = EditorFixtures.store(dir.resolve("home"), Change.of(fromDirectory, 0), Change.of(k, 0));
        PartyRouteViewModel vm = new PartyRouteViewModel(store, saved::incrementAndGet,
                Clock.fixed(NOW, ZoneOffset.UTC), Language.JA, I18n.bundle(Language.JA));
        vm.load(k.id());
        return vm;
    }

    private List<OutboxEntry> queued() {
        return store.outbox().all();
    }

    @Test
    void approversComeFromTheActiveDirectory_andOnlyThoseWithSigningAuthorityAreOfferedAsSigner() {
        PartyRouteViewModel vm = open(reachedUs("k-1", ME));

        assertThat(vm.approverOptions()).extracting(UserView::id)
                .contains(ME.value(), APPROVER.value(), SIGNER.value(), DIRECTORY_SIGNER.value())
                .doesNotContain(SUSPENDED_SIGNER.value());
        assertThat(vm.signerOptions()).extracting(UserView::id)
                .containsExactlyInAnyOrder(SIGNER.value(), DIRECTORY_SIGNER.value());
        assertThat(vm.allowedProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void savingQueuesTheRouteInItsOrderAndTheSignerOnTheShownRevision() {
        PartyRouteViewModel vm = open(reachedUs("k-1", ME));
        vm.addApprover(user(vm, APPROVER));
        vm.addApprover(user(vm, ME));
        vm.addApprover(user(vm, APPROVER));
        vm.moveApproverUp(1);
        vm.signerProperty().set(vm.signerOptions().stream().filter(u -> u.id().equals(DIRECTORY_SIGNER.value()))
                .findFirst().orElseThrow());

        assertThat(vm.save()).isTrue();

        assertThat(queued()).singleElement().satisfies(e -> {
            assertThat(e.command().type()).isEqualTo(CommandType.SET_PARTY_ROUTE);
            assertThat(e.command().entityId()).isEqualTo("k-1");
            assertThat(e.command().baseRevision()).isEqualTo(4L);
            Command.SetPartyRoute route = (Command.SetPartyRoute) e.command();
            assertThat(route.route()).containsExactly(ME.value(), APPROVER.value());
            assertThat(route.signer()).isEqualTo(DIRECTORY_SIGNER.value());
        });
        assertThat(saved).hasValue(1);
        assertThat(vm.messageProperty().get()).contains("設定しました");
        assertThat(vm.allowedProperty().get()).as("not twice from the same dialog").isFalse();
    }

    @Test
    void withoutASignerNothingIsQueuedAndTheLifecyclesReasonIsShown() {
        PartyRouteViewModel vm = open(reachedUs("k-1", ME));
        vm.addApprover(user(vm, APPROVER));

        assertThat(vm.save()).isFalse();

        assertThat(queued()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("署名者");
    }

    @Test
    void aColleagueWhoIsNotTheReceivingUserIsToldWhyAndCannotSave() {
        PartyRouteViewModel vm = open(reachedUs("k-2", APPROVER));
        vm.signerProperty().set(vm.signerOptions().get(0));

        assertThat(vm.allowedProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNotEmpty();
        assertThat(vm.save()).isFalse();
        assertThat(queued()).isEmpty();
    }

    @Test
    void aContractWhoseRouteIsAlreadySetOffersNothing() {
        ContractSnapshot set = contract("k-3", ME, List.of(), SIGNER);
        PartyRouteViewModel vm = open(set);

        assertThat(vm.allowedProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNotEmpty();
    }

    @Test
    void theDetailOffersTheRouteDialogToTheReceivingUser_andNoLongerOnceTheRouteIsQueued() {
        PartyRouteViewModel vm = open(reachedUs("k-1", ME));
        jp.sitesign.desktop.contracts.ContractDetailViewModel detail = new jp.sitesign.desktop.contracts.ContractDetailViewModel(
                store, (id, sha) -> new byte[0], () -> { }, Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run, Runnable::run,
                I18n.bundle(Language.JA));
        detail.load("k-1").join();
        assertThat(detail.canSetRouteProperty().get()).isTrue();
        assertThat(detail.canSignProperty().get()).isFalse();

        vm.signerProperty().set(vm.signerOptions().get(0));
        assertThat(vm.save()).isTrue();
        detail.load("k-1").join();

        assertThat(detail.canSetRouteProperty().get()).isFalse();
    }

    private static UserView user(PartyRouteViewModel vm, UserId id) {
        return vm.approverOptions().stream().filter(u -> u.id().equals(id.value())).findFirst().orElseThrow();
    }

    /** Sent by the partner, signed by them, now at our company (party 2) with no route or signer yet. */
    private static ContractSnapshot reachedUs(String id, UserId receiver) {
        return contract(id, receiver, List.of(), null);
    }

    private static ContractSnapshot contract(String id, UserId receiver, List<UserId> route, UserId signer) {
        List<PartyStep> parties = List.of(
                new PartyStep(CONSENTED, null, List.of(), new UserId("U00000202"), true),
                new PartyStep(OWN, receiver, route, signer, false));
        ContractStatus status = signer == null ? ContractStatus.IN_APPROVAL : ContractStatus.AWAITING_SIGNATURE;
        ContractProgress p = new ContractProgress(ContractForm.BILATERAL, status, parties, 1, 0, null, null);
        ContractDraft d = new ContractDraft(null, ContractForm.BILATERAL, "P-1", "外構工事 請書", LocalDate.of(2026, 4, 10),
                1_100_000L, true, false, null, null, null, List.of(), List.of(), null, null);
        return ContractSnapshot.of(id, CONSENTED, PARTNER_CREATOR, p, d.data(), "ab".repeat(32), List.of(), 4,
                NOW, NOW);
    }
}
