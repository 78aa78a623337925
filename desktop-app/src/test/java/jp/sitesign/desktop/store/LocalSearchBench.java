package jp.sitesign.desktop.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;

/**
 * Benchmark (not a test; bench/local-search.sh): the local store's search over N contracts, the same
 * data shape and queries as the server's SearchBench, warm, median of 15.
 */
public final class LocalSearchBench {
    private LocalSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path home = Files.createTempDirectory("sitesign-local-bench");
        CompanyId own = new CompanyId("C00000001");
        StoreLocation at = StoreLocation.of(home, "https://bench.example", "U00000101");
        OwnerOnlyFiles.directory(at.folder());
        List<CompanyId> partners = List.of(new CompanyId("C00000002"), new CompanyId("C00000003"),
                new CompanyId("C00000004"), new CompanyId("C00000005"), new CompanyId("C00000006"));
        try (StoreSession s = StoreSession.open(at, Aead.newKey(), new UserId("U00000101"), own, Clock.systemUTC())) {
            Random random = new Random(7);
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            long start = System.nanoTime();
            long seq = 0;
            for (int batch = 0; batch < n; batch += 1000) {
                List<Change> changes = new ArrayList<>();
                for (int i = batch; i < Math.min(batch + 1000, n); i++) {
                    CompanyId p = partners.get(random.nextInt(partners.size()));
                    LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365 * 6));
                    ContractSnapshot k = new ContractSnapshot(UUID.randomUUID().toString(), own.value(), "U00000101",
                            ContractForm.BILATERAL, ContractStatus.DRAFT, String.format("B-%06d", i), "工事請負契約 " + i,
                            date, (long) (random.nextInt(10_000) * 10_000), true, false, Map.of(), null, null,
                            List.of(new ContractSnapshot.Party(own.value(), null, List.of(), "U00000102", false),
                                    new ContractSnapshot.Party(p.value(), "U00000201", List.of(), null, false)),
                            0, 0, null, null, null, List.of(), 1, t0, t0.plusSeconds(i));
                    changes.add(Change.of(k, ++seq));
                }
                s.apply(new ChangePage(changes, seq, true, false));
            }
            System.out.printf("seeded %,d contracts in %.1f s%n", n, (System.nanoTime() - start) / 1e9);

            report(s, "date range AND amount range AND counterparty", new ContractQuery(null, null, null,
                    LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 30), 10_000_000L, 50_000_000L, partners.get(2),
                    ContractQuery.Sort.TRANSACTION_DATE_ASC, 0, 50));
            report(s, "one year of transaction dates (about 1/6 of all)", new ContractQuery(null, null, null,
                    LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), null, null, null,
                    ContractQuery.Sort.AMOUNT_DESC, 0, 50));
            report(s, "title text", new ContractQuery(null, "契約 4242", null, null, null, null, null, null, null, 0, 50));
            report(s, "everything, newest first", ContractQuery.all(50));
        }
    }

    private static void report(StoreSession s, String what, ContractQuery q) {
        int hits = s.contracts().search(q).total();
        for (int i = 0; i < 5; i++) {
            s.contracts().search(q);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t = System.nanoTime();
            s.contracts().search(q);
            nanos.add(System.nanoTime() - t);
        }
        Collections.sort(nanos);
        System.out.printf("%-52s %,7d hits  median %7.1f ms%n", what, hits, nanos.get(nanos.size() / 2) / 1e6);
    }
}
