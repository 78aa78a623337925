package jp.sitesign.server.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.testing.TestServer;

/**
 * Benchmark (not a test; bench/search.sh): searches over N contracts of one company on the embedded H2, a page
 * of 50, warm (5 runs discarded), median of 15 — every run a different query of the same shape (another month,
 * year, page, title or 文書管理番号), so no result cache can answer one from the last. With "combined" as the
 * second argument only the combined 電帳法 query runs (for a million contracts).
 */
public final class SearchBench {
    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean combinedOnly = args.length > 1 && args[1].equals("combined");
        System.out.println("load average at start: " + load());
        try (TestServer server = TestServer.start()) {
            TestServer.TestCompany a = server.createCompany("元請建設株式会社");
            List<CompanyId> partners = new ArrayList<>();
            List<UserId> receivers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                TestServer.TestCompany p = server.createCompany("協力会社" + i);
                partners.add(p.id());
                receivers.add(p.member());
            }
            long t0 = System.nanoTime();
            new ContractSeeder(server.context()).drafts(n, "B", a.id(), a.member(), a.member2(), partners, receivers,
                    new Random(7));
            System.out.printf("seeded %,d contracts in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

            Caller admin = caller(server, a.admin());
            Caller member = caller(server, a.member());
            Random r = new Random(42);
            report("date one month AND amount range AND counterparty", server, admin, i -> {
                LocalDate month = LocalDate.of(2020, 1, 1).plusMonths(r.nextInt(72));
                long min = 10_000_000L * r.nextInt(5);
                return new ContractQuery(null, null, null, month, month.plusMonths(1).minusDays(1), min,
                        min + 40_000_000L, partners.get(r.nextInt(5)), ContractQuery.Sort.TRANSACTION_DATE_ASC, 0, 50);
            });
            if (combinedOnly) {
                System.out.println("load average at end: " + load());
                return;
            }
            report("one whole year of dates, by amount", server, admin, i -> {
                LocalDate from = LocalDate.of(2020 + r.nextInt(6), 1, 1);
                return new ContractQuery(null, null, null, from, from.plusYears(1).minusDays(1), null, null, null,
                        ContractQuery.Sort.AMOUNT_DESC, 0, 50);
            });
            report("everything, newest first, a page among the first 100", server, admin,
                    i -> new ContractQuery(null, null, null, null, null, null, null, null, null, 50 * r.nextInt(100),
                            50));
            report("… as a member (visibility from contract_people)", server, member,
                    i -> new ContractQuery(null, null, null, null, null, null, null, null, null, 50 * r.nextInt(100),
                            50));
            report("title contains \"契約 NNNN\" (sealed: blind index)", server, admin,
                    i -> new ContractQuery(null, "契約 " + (1000 + r.nextInt(9000)), null, null, null, null, null, null,
                            null, 0, 50));
            report("文書管理番号 B-0NNNNN exactly (sealed: blind index)", server, admin,
                    i -> new ContractQuery(String.format("B-%06d", r.nextInt(n)), null, null, null, null, null, null,
                            null, null, 0, 50));
            report("title text in every contract \"請負契約 NN\"", server, admin,
                    i -> new ContractQuery(null, "請負契約 " + (10 + r.nextInt(90)), null, null, null, null, null, null,
                            null, 0, 50));
        }
        System.out.println("load average at end: " + load());
    }

    private static Caller caller(TestServer server, UserId user) {
        return server.context().auth().authenticate(server.api().login(user.value(), TestServer.PASSWORD),
                "127.0.0.1");
    }

    private static void report(String what, TestServer server, Caller caller, IntFunction<ContractQuery> queries) {
        ContractService service = server.context().contracts();
        for (int i = 0; i < 5; i++) {
            service.queries().search(caller, queries.apply(i));
        }
        List<Long> nanos = new ArrayList<>();
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ContractQuery q = queries.apply(i);
            long t = System.nanoTime();
            hits.add(service.queries().search(caller, q).total());
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        Collections.sort(hits);
        System.out.printf("%-56s hits %,7d..%,7d (median %,7d)  median %7.1f ms  max %7.1f ms%n", what, hits.get(0),
                hits.get(hits.size() - 1), hits.get(hits.size() / 2), nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6);
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
