package jp.sitesign.server.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.ServerContext;

/**
 * Many draft contracts written straight through the repository, a thousand per transaction, for benchmarks
 * and tests that need volume (the REST API would spend most of the time on HTTP and audit). The repository
 * writes each contract's change-feed row in the same transaction, exactly as the services do, so the sync
 * feed sees them like any other change.
 */
public final class ContractSeeder {
    private final ServerContext context;
    private final ContractRepository repository;

    public ContractSeeder(ServerContext context) {
        this.context = context;
        this.repository = new ContractRepository(new jp.sitesign.server.storage.ContentCipher(context.masterKey(),
                new com.fasterxml.jackson.databind.ObjectMapper()), context.changes());
    }

    /**
     * {@code n} drafts of {@code sender} created by {@code creator} with {@code signer} and one counterparty
     * chosen at random among {@code partners} (with its receiving user at the same index in {@code receivers}),
     * dates over six years and amounts up to 100 million yen; numbered {@code prefix-000000} on.
     */
    public void drafts(int n, String prefix, CompanyId sender, UserId creator, UserId signer, List<CompanyId> partners,
            List<UserId> receivers, Random random) {
        for (int batch = 0; batch < n; batch += 1000) {
            int start = batch;
            context.db().inTransaction(c -> {
                for (int i = start; i < Math.min(start + 1000, n); i++) {
                    int p = random.nextInt(partners.size());
                    LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365 * 6));
                    ContractProgress progress = ContractProgress.draft(ContractForm.BILATERAL, List.of(
                            PartyStep.sender(sender, List.of(), signer),
                            PartyStep.counterparty(partners.get(p), receivers.get(p))), null);
                    String number = String.format("%s-%06d", prefix, i);
                    ContractData data = new ContractData(number, "工事請負契約 " + i, date,
                            (long) (random.nextInt(10_000) * 10_000), true, false, ConstructionTerms.empty(), null,
                            null);
                    Instant now = Instant.now();
                    repository.insert(c, new StoredContract(UUID.randomUUID().toString(), sender, creator, progress,
                            data, null, 1, now, now), number);
                }
                return null;
            });
        }
    }

    /**
     * Gives {@code n} of the company's contracts a main PDF of {@code bytes} random bytes each (sealed like any
     * document, so as incompressible as real ones): stored as the services store them, without parsing.
     */
    public void documents(CompanyId sender, int n, int bytes, Random random) {
        List<String> ids = context.db().read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM contracts WHERE sender_company = ? ORDER BY id LIMIT ?")) {
                ps.setString(1, sender.value());
                ps.setInt(2, n);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 100));
            context.db().inTransaction(c -> {
                for (String id : part) {
                    StoredContract k = repository.find(c, id).orElseThrow();
                    byte[] pdf = new byte[bytes];
                    random.nextBytes(pdf);
                    repository.insertDocument(c, k, jp.sitesign.model.crypto.Digests.sha256Hex(pdf), "MAIN", 1, pdf,
                            k.creator(), "UPLOADED");
                }
                return null;
            });
        }
    }
}
