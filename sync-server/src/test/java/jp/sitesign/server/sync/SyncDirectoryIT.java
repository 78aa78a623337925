package jp.sitesign.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.model.sync.PushRequest;
import jp.sitesign.model.sync.PushResponse;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 10 over real HTTPS: the change feed gives a member the company directory (colleagues' names, departments,
 * titles and 署名権限, never their email or login details), so a member's draft can name an approver and a
 * signer; owners and admins keep getting the full records; a suspended colleague leaves the directory.
 */
class SyncDirectoryIT {
    private static final ObjectMapper JSON = WireJson.create();
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = server.api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = server.api().login(a.member().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, aAdmin, "元請建設株式会社", a.owner());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMemberGetsEveryActiveColleagueAsADirectoryEntry_withoutEmailOrLoginDetails() {
        Map<String, UserView> users = users(pullAll(aMember, 0));

        assertThat(users).containsKeys(a.owner().value(), a.admin().value(), a.member().value(), a.member2().value())
                .doesNotContainKeys(b.owner().value(), b.admin().value(), b.member().value());
        UserView owner = users.get(a.owner().value());
        assertThat(owner.fromDirectory()).isTrue();
        assertThat(owner.name()).isNotBlank();
        assertThat(owner.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(owner.email()).isNull();
        assertThat(owner.role()).isNull();
        assertThat(owner.signingAuthoritySetBy()).isNull();
        assertThat(owner.signingAuthority()).as("the owner holds a bound certificate").isTrue();
        assertThat(users.get(a.member2().value()).signingAuthority()).isFalse();
        assertThat(users.get(a.member().value()).fromDirectory()).as("one's own record is the full one").isFalse();
        assertThat(users.get(a.member().value()).email()).isNotNull();
    }

    @Test
    void anAdminStillGetsTheFullRecords() {
        UserView member2 = users(pullAll(aAdmin, 0)).get(a.member2().value());

        assertThat(member2.fromDirectory()).isFalse();
        assertThat(member2.email()).isNotNull();
        assertThat(member2.role()).isNotNull();
    }

    @Test
    void aMembersDraftNamesApproverAndSignerFromTheDirectory_andTheServerAcceptsIt() {
        Map<String, UserView> directory = users(pullAll(aMember, 0));
        String signer = directory.values().stream().filter(UserView::signingAuthority).map(UserView::id)
                .filter(id -> !id.equals(a.member().value())).findFirst().orElseThrow();
        ContractDraft draft = new ContractDraft(null, ContractForm.BILATERAL, null, "社内ルート確認", null, null, null,
                null, null, null, null, List.of(new ContractDraft.Counterparty(b.id().value(), b.member().value())),
                List.of(a.admin().value()), signer, null);

        CommandResult r = push(aMember, Command.createDraft(UUID.randomUUID().toString(), draft));

        assertThat(r.outcome()).as(r.toString()).isEqualTo(CommandOutcome.APPLIED);
    }

    @Test
    void aSuspendedColleagueLeavesTheDirectory_andComesBackWhenResumed() {
        var fresh = server.createCompany("内装工業株式会社");
        String admin = server.api().login(fresh.admin().value(), TestServer.PASSWORD);
        String member = server.api().login(fresh.member().value(), TestServer.PASSWORD);
        long at = pullAll(member, 0).checkpoint();

        ApiClient.Response suspended = server.api().post("/api/v1/users/" + fresh.member2().value() + "/suspend",
                admin, Map.of());
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

        ChangePage after = pullAll(member, at);
        assertThat(after.changes()).filteredOn(ch -> ch.id().equals(fresh.member2().value())).singleElement()
                .satisfies(ch -> assertThat(ch.removed()).isTrue());
        assertThat(users(pullAll(member, 0))).doesNotContainKey(fresh.member2().value());
        assertThat(users(pullAll(admin, 0)).get(fresh.member2().value()).status()).as("the admin still sees them")
                .isEqualTo(UserStatus.SUSPENDED);

        server.api().post("/api/v1/users/" + fresh.member2().value() + "/resume", admin, Map.of());
        assertThat(users(pullAll(member, after.checkpoint()))).containsKey(fresh.member2().value());
    }

    private static Map<String, UserView> users(ChangePage page) {
        Map<String, UserView> out = new java.util.HashMap<>();
        page.changes().stream().filter(ch -> ch.type() == EntityType.USER && !ch.removed())
                .forEach(ch -> out.put(ch.id(), ch.user()));
        return out;
    }

    private static CommandResult push(String token, Command command) {
        ApiClient.Response r = server.api().post("/api/v1/sync/commands", token, new PushRequest(List.of(command)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return read(r, PushResponse.class).results().get(0);
    }

    private static ChangePage pullAll(String token, long since) {
        List<Change> all = new ArrayList<>();
        ChangePage page;
        long from = since;
        do {
            ApiClient.Response r = server.api().get("/api/v1/sync/changes?since=" + from + "&limit=1000", token);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            page = read(r, ChangePage.class);
            all.addAll(page.changes());
            from = page.checkpoint();
        } while (page.more());
        return new ChangePage(all, page.checkpoint(), false, false);
    }

    private static <T> T read(ApiClient.Response r, Class<T> type) {
        try {
            return JSON.readValue(r.bytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
