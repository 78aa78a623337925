package jp.sitesign.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.config.DataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode's data, made once per data folder: the 発注者 and 受注者 companies and their users, their
 * partnership with the 受注者's 承諾, DEMO CA signing keys for each company's owner and one member
 * (PKCS#12 files with random PINs), and a contract in every status. Everything goes through the same
 * services the API uses, so it is audited and consistent. The logins, PINs and contracts are kept in a
 * 0600 file in the data folder and printed at every start; that file's presence means "already made".
 */
public final class DemoData {
    public static final String FILE_NAME = "demo-credentials.txt";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final String METHOD = "SiteSign（DEMO）による電子契約: 発注者が注文書を PDF で作成し、双方が電子証明書で電子署名"
            + "（PAdES、タイムスタンプ付き）して交わします。締結した文書はサーバに暗号化して保存され、双方がいつでも"
            + "ダウンロードして署名を検証できます。";

    private DemoData() {
    }

    /** Whether this data folder already has its demo data. */
    public static boolean exists(ServerContext ctx) {
        return Files.exists(file(ctx));
    }

    /** Makes the demo data if this data folder has none yet; returns the logins, PINs and contracts as text. */
    public static String ensure(ServerContext ctx) {
        Path file = file(ctx);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (ctx.demoTrust() == null) {
            throw new IllegalStateException("the demo data needs demo mode (serve --demo) with the demo CA enabled");
        }
        long started = System.nanoTime();
        String text = create(ctx);
        DataDir.writeSecret(file, text.getBytes(StandardCharsets.UTF_8));
        LOG.info("demo data created in {} ms", (System.nanoTime() - started) / 1_000_000);
        return text;
    }

    private static String create(ServerContext ctx) {
        DemoCompanies.Company orderer = DemoCompanies.orderer(ctx);
        DemoCompanies.Company contractor = DemoCompanies.contractor(ctx);
        try (DemoSessions sessions = new DemoSessions(ctx)) {
            // As customers do it (ADR 22): the 受注者 invites, the 発注者 proposes with the code and the 法人番号.
            String code = ctx.partnerships().invite(sessions.of(contractor.owner())).code();
            var number = ctx.companies().find(contractor.id()).orElseThrow().corporateNumber();
            Partnership partnership = ctx.partnerships().propose(sessions.of(orderer.owner()),
                    number == null ? null : number.value(), code, METHOD);
            ctx.partnerships().consent(sessions.of(contractor.owner()), partnership.id(), partnership.methodSha256());
            Map<UserId, DemoSigners.Signer> signers = new LinkedHashMap<>();
            for (DemoCompanies.Company company : List.of(orderer, contractor)) {
                for (DemoCompanies.Person holder : List.of(company.owner(), company.member2())) {
                    signers.put(holder.id(), DemoSigners.issue(ctx, sessions, company, holder));
                }
            }
            List<DemoContracts.Seeded> contracts = new DemoContracts(ctx, sessions, orderer, contractor, signers)
                    .seedAll();
            return DemoCredentials.text(ctx, List.of(orderer, contractor), signers, contracts);
        }
    }

    private static Path file(ServerContext ctx) {
        return ctx.config().dataDir().resolve(FILE_NAME);
    }
}
