package jp.sitesign.desktop.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;

/**
 * Benchmark (not a test; bench/local-search.sh): a first sync of 10 pages of 1,000 contracts into an empty
 * store, then the local store's search over N contracts with the same data shape and queries as the
 * server's SearchBench, warm, median of 15 (wall clock and the searching thread's CPU time); then the
 * default list with a few local drafts overlaid.
 */
public final class LocalSearchBench {
    private static final CompanyId OWN = new CompanyId("C00000001");
    private static final List<CompanyId> PARTNERS = List.of(new CompanyId("C00000002"), new CompanyId("C00000003"),
            new CompanyId("C00000004"), new CompanyId("C00000005"), new CompanyId("C00000006"));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The searching thread's CPU time beside the wall clock: on a shared machine the wall clock waits for others. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private LocalSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.println("load average at start: " + loadAverage());
        Path home = Files.createTempDirectory("sitesign-local-bench");
        firstSync(home);
        StoreLocation at = StoreLocation.of(home, "https://bench.example", "U00000101");
        OwnerOnlyFiles.directory(at.folder());
        try (StoreSession s = StoreSession.open(at, Aead.newKey(), new UserId("U00000101"), OWN, Clock.systemUTC())) {
            Random random = new Random(7);
            long start = System.nanoTime();
            long seq = 0;
            for (int batch = 0; batch < n; batch += 1000) {
                List<Change> changes = new ArrayList<>();
                for (int i = batch; i < Math.min(batch + 1000, n); i++) {
                    changes.add(Change.of(contract(random, i, false), ++seq));
                }
                s.apply(new ChangePage(changes, seq, true, false));
            }
            System.out.printf("seeded %,d contracts in %.1f s%n", n, (System.nanoTime() - start) / 1e9);

            report(s, "date range AND amount range AND counterparty", new ContractQuery(null, null, null,
                    LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 30), 10_000_000L, 50_000_000L, PARTNERS.get(2),
                    ContractQuery.Sort.TRANSACTION_DATE_ASC, 0, 50));
            report(s, "one year of transaction dates (about 1/6 of all)", new ContractQuery(null, null, null,
                    LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), null, null, null,
                    ContractQuery.Sort.AMOUNT_DESC, 0, 50));
            report(s, "title text", new ContractQuery(null, "契約 4242", null, null, null, null, null, null, null, 0, 50));
            report(s, "title text found in every contract", new ContractQuery(null, "工事", null, null, null, null, null,
                    null, null, 0, 50));
            report(s, "everything, newest first", ContractQuery.all(50));
            report(s, "everything, newest first, page 100", new ContractQuery(null, null, null, null, null, null, null,
                    null, null, 4950, 50));
            report(s, "everything, by amount descending", new ContractQuery(null, null, null, null, null, null, null,
                    null, ContractQuery.Sort.AMOUNT_DESC, 0, 50));
            for (int i = 0; i < 5; i++) {
                s.outbox().append(Command.createDraft(UUID.randomUUID().toString(), TestStores.draft("オフライン下書き " + i)));
            }
            report(s, "everything, newest first, 5 local drafts", ContractQuery.all(50));
        }
        System.out.println("load average at end: " + loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** A first sync: 10 pages of 1,000 contracts (with 建設業法 items and documents) into a new store; 3 runs. */
    private static void firstSync(Path home) {
        for (int run = 0; run < 3; run++) {
            StoreLocation at = StoreLocation.of(home, "https://first-sync.example", "U0000010" + run);
            OwnerOnlyFiles.directory(at.folder());
            Random random = new Random(11 + run);
            List<ChangePage> pages = new ArrayList<>();
            long seq = 0;
            for (int p = 0; p < 10; p++) {
                List<Change> changes = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    changes.add(Change.of(contract(random, p * 1000 + i, true), ++seq));
                }
                pages.add(new ChangePage(changes, seq, p < 9, false));
            }
            try (StoreSession s = StoreSession.open(at, Aead.newKey(), new UserId("U0000010" + run), OWN,
                    Clock.systemUTC())) {
                long start = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                pages.forEach(s::apply);
                System.out.printf("first sync run %d: apply of 10 pages x 1,000 contracts %.2f s (%.2f s CPU)%n",
                        run + 1, (System.nanoTime() - start) / 1e9, (CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
            }
        }
    }

    private static ContractSnapshot contract(Random random, int i, boolean rich) {
        CompanyId p = PARTNERS.get(random.nextInt(PARTNERS.size()));
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365 * 6));
        long amount = random.nextInt(10_000) * 10_000L;
        Map<ConstructionItem, String> terms = new EnumMap<>(ConstructionItem.class);
        List<ContractSnapshot.DocumentRef> docs = new ArrayList<>();
        String main = null;
        if (rich) {
            for (ConstructionItem item : ConstructionItem.values()) {
                terms.put(item, item.name() + " について別紙のとおり定める（第" + i + "号）");
            }
            for (int d = 0; d < 2; d++) {
                String sha = String.format("%064x", (long) i * 2 + d);
                docs.add(new ContractSnapshot.DocumentRef(sha, d == 0 ? "MAIN" : "ATTACHMENT", "契約書 " + i + ".pdf", 3,
                        120_000, "U00000101", "UPLOADED", T0));
                main = main == null ? sha : main;
            }
        }
        return new ContractSnapshot(UUID.randomUUID().toString(), OWN.value(), "U00000101",
                ContractForm.BILATERAL, ContractStatus.DRAFT, String.format("B-%06d", i), "工事請負契約 " + i,
                date, amount, true, rich, terms, null, null,
                List.of(new ContractSnapshot.Party(OWN.value(), null, List.of(), "U00000102", false),
                        new ContractSnapshot.Party(p.value(), "U00000201", List.of(), null, false)),
                0, 0, null, null, main, docs, 1, T0, T0.plusSeconds(i));
    }

    private static void report(StoreSession s, String what, ContractQuery q) {
        int hits = s.contracts().search(q).total();
        for (int i = 0; i < 5; i++) {
            s.contracts().search(q);
        }
        List<Long> nanos = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            s.contracts().search(q);
            nanos.add(System.nanoTime() - t);
            cpu.add(CPU.getCurrentThreadCpuTime() - c);
        }
        Collections.sort(nanos);
        Collections.sort(cpu);
        System.out.printf("%-52s %,7d hits  median %7.1f ms (%5.1f ms CPU)%n", what, hits,
                nanos.get(nanos.size() / 2) / 1e6, cpu.get(cpu.size() / 2) / 1e6);
    }
}
