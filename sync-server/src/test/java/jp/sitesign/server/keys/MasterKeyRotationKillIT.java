package jp.sitesign.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.cli.ServerCli;
import jp.sitesign.server.contracts.ContractSeeder;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.MasterKeyRing;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.ServerProcess;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A master key rotation typed on the server machine runs inside the serving process; that process is
 * SIGKILLed after a few of its batches. Every company stays readable after the restart (half of the company
 * keys under the new key, half under the kept old one), and the same command run again finishes the rotation.
 */
class MasterKeyRotationKillIT {
    private static final int BULK_COMPANIES = 300;
    private static final int BULK_CONTRACTS = 300;
    private static final Pattern STATUS = Pattern.compile(
            "Current master key: +[0-9a-f]{16} \\(company keys: (\\d+)\\)\\s+Previous master key: [0-9a-f]{16}"
                    + " \\(company keys: (\\d+)\\)");

    @Test
    void aRotationKilledHalfWayLeavesEveryCompanyReadableAndFinishesWhenRunAgain() throws Exception {
        try (TestServer setup = TestServer.start()) {
            TestServer.TestCompany a = setup.createCompany("鍵更新中断建設");
            String token = setup.api().login(a.owner().value(), TestServer.PASSWORD);
            ApiClient.Response created = setup.api().post("/api/v1/contracts", token,
                    MasterKeyRotationIT.draft("中断前の注文書"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String contract = created.json().get("id").asText();
            X509Certificate certificate = setup.server().tls().certificate();
            CompanyRepository companies = new CompanyRepository(new ContentCipher(
                    MasterKeyRing.load(setup.dataDir()), setup.dataDir(), new ObjectMapper()));
            setup.context().db().inTransaction(c -> {
                for (int i = 0; i < BULK_COMPANIES; i++) {
                    companies.insert(c, new Company(companies.freshId(c), "一括登録建設 " + i, null, null, null, null,
                            CompanyStatus.ACTIVE, 10, Instant.now()));
                }
                return null;
            });
            Path dir = setup.handOver();
            killedAndFinished(dir, certificate, a, contract);
        }
    }

    private static void killedAndFinished(Path dir, X509Certificate certificate, TestServer.TestCompany a,
            String contract) throws InterruptedException {
        int all = BULK_COMPANIES + 1;

        killAfterFiveBatches(dir, "company keys re-wrapped up to", "keys", "rotate-master", "--batch-size", "5",
                "--pause-ms", "30");
        assertThat(dir.resolve("master.previous.key")).exists();

        try (ServerProcess again = ServerProcess.start(dir)) {
            assertReadable(again.api(certificate), a, contract);
            Run half = cli(dir, "keys", "status");
            assertThat(half.code()).as(half.toString()).isZero();
            Matcher m = STATUS.matcher(half.out());
            assertThat(m.find()).as(half.out()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("re-wrapped before the kill").isPositive();
            assertThat(Integer.parseInt(m.group(2))).as("left under the old key by the kill").isPositive();
            assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))).isEqualTo(all);

            Run finish = cli(dir, "keys", "rotate-master", "--batch-size", "50");
            assertThat(finish.code()).as(finish.toString()).isZero();
            assertThat(finish.out()).contains("of " + all + " company keys re-wrapped");
            again.kill();
        }

        try (ServerProcess last = ServerProcess.start(dir)) {
            assertReadable(last.api(certificate), a, contract);
            Run done = cli(dir, "keys", "status");
            assertThat(done.code()).as(done.toString()).isZero();
            Matcher m = STATUS.matcher(done.out());
            assertThat(m.find()).as(done.out()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(all);
            assertThat(Integer.parseInt(m.group(2))).isZero();
        }
    }

    private static void assertReadable(ApiClient api, TestServer.TestCompany company, String contract) {
        String token = api.login(company.owner().value(), TestServer.PASSWORD);
        ApiClient.Response read = api.get("/api/v1/contracts/" + contract, token);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("title").asText()).isEqualTo("中断前の注文書");
    }

    /**
     * The same for a company key: its content is re-sealed a page at a time inside the serving process, which is
     * SIGKILLed after a few pages; after the restart every contract reads as before, and the command run again
     * finishes and destroys the old key.
     */
    @Test
    void aCompanyKeyRotationKilledHalfWayLeavesEveryContractReadableAndFinishesWhenRunAgain() throws Exception {
        try (TestServer setup = TestServer.start()) {
            TestServer.TestCompany a = setup.createCompany("データ鍵中断建設");
            TestServer.TestCompany b = setup.createCompany("データ鍵取引先");
            new ContractSeeder(setup.context()).drafts(BULK_CONTRACTS, "KEY", a.id(), a.owner(), a.owner(),
                    List.of(b.id()), List.of(b.owner()), new Random(7));
            X509Certificate certificate = setup.server().tls().certificate();
            Path dir = setup.handOver();

            killAfterFiveBatches(dir, "contracts.content re-sealed up to", "keys", "rotate-company", "--company",
                    a.id().value(), "--batch-size", "10", "--pause-ms", "30");

            try (ServerProcess again = ServerProcess.start(dir)) {
                assertEveryContractReads(again.api(certificate), a);
                Run half = cli(dir, "keys", "status");
                assertThat(half.out()).as("the rotation is under way").contains("rotations under way: " + a.id());
                Run finish = cli(dir, "keys", "rotate-company", "--company", a.id().value());
                assertThat(finish.code()).as(finish.toString()).isZero();
                assertThat(finish.out()).doesNotContain("new data key").contains("the previous data key is destroyed");
                again.kill();
            }
            try (ServerProcess last = ServerProcess.start(dir)) {
                assertEveryContractReads(last.api(certificate), a);
                assertThat(cli(dir, "keys", "status").out()).contains("rotations under way: none");
            }
        }
    }

    private static void assertEveryContractReads(ApiClient api, TestServer.TestCompany company) {
        String token = api.login(company.owner().value(), TestServer.PASSWORD);
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (int offset = 0; offset < BULK_CONTRACTS; offset += 100) {
            ApiClient.Response page = api.get("/api/v1/contracts?limit=100&offset=" + offset, token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(k -> titles.add(k.get("title").asText()));
        }
        assertThat(titles).hasSize(BULK_CONTRACTS).allSatisfy(t -> assertThat(t).startsWith("工事請負契約 "));
    }

    /**
     * Serves {@code dir}, types the command on the server machine (it runs inside the serving process) and
     * SIGKILLs the process once its log says five batches are done.
     */
    private static void killAfterFiveBatches(Path dir, String batchLine, String... command) throws InterruptedException {
        try (ServerProcess server = ServerProcess.start(dir)) {
            AtomicReference<Object> result = new AtomicReference<>();
            Thread operator = new Thread(() -> result.set(cli(dir, command)), "operator");
            operator.setUncaughtExceptionHandler((t, e) -> result.set(e));
            operator.start();
            while (server.output().split(java.util.regex.Pattern.quote(batchLine), -1).length - 1 < 5) {
                assertThat(operator.isAlive()).as("the rotation is still running when killed: %s\n%s", result.get(),
                        server.output()).isTrue();
                Thread.sleep(5);
            }
            server.kill();
            operator.join();
            assertThat(result.get()).as("the command lost its server").isInstanceOf(UncheckedIOException.class);
        }
    }

    private static Run cli(Path dir, String... args) {
        String[] full = Stream.concat(Stream.of(args), Stream.of("--data-dir", dir.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = ServerCli.run(full, o, e);
        }
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
