package jp.sitesign.server.contracts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.testing.TestServer;

/**
 * Benchmark (not a test; bench/search.sh): the combined 電帳法 search over N contracts of one company on
 * the embedded H2 — date range AND amount range AND counterparty, a page of 50 — warm, median.
 */
public final class SearchBench {
    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
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

            Caller admin = server.context().auth().authenticate(
                    server.api().login(a.admin().value(), TestServer.PASSWORD), "127.0.0.1");
            ContractQuery combined = new ContractQuery(null, null, null, LocalDate.of(2023, 4, 1),
                    LocalDate.of(2023, 4, 30), 10_000_000L, 50_000_000L, partners.get(2),
                    ContractQuery.Sort.TRANSACTION_DATE_ASC, 0, 50);
            ContractQuery dateOnly = new ContractQuery(null, null, null, LocalDate.of(2023, 1, 1),
                    LocalDate.of(2023, 12, 31), null, null, null, ContractQuery.Sort.AMOUNT_DESC, 0, 50);
            ContractQuery title = new ContractQuery(null, "契約 4242", null, null, null, null, null, null, null, 0, 50);
            report("date range AND amount range AND counterparty", server, admin, combined);
            report("one year of transaction dates (about 1/6 of all)", server, admin, dateOnly);
            report("title text (decrypts every candidate)", server, admin, title);
        }
    }

    private static void report(String what, TestServer server, Caller caller, ContractQuery q) {
        ContractService service = server.context().contracts();
        int hits = service.queries().search(caller, q).total();
        for (int i = 0; i < 5; i++) {
            service.queries().search(caller, q);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t = System.nanoTime();
            service.queries().search(caller, q);
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        System.out.printf("%-52s %,7d hits  median %7.1f ms%n", what, hits, nanos.get(nanos.size() / 2) / 1e6);
    }

}
