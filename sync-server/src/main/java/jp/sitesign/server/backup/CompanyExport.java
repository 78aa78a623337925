package jp.sitesign.server.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.SecretKey;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import java.util.List;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.ContractQuery;
import jp.sitesign.model.crypto.Aead;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.User;
import jp.sitesign.server.audit.AuditCsv;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.audit.AuditQuery;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.companies.CompanyService;
import jp.sitesign.server.contracts.ContractService;
import jp.sitesign.server.http.CsvWriter;
import jp.sitesign.server.http.ZipEntryStream;
import jp.sitesign.server.users.UserService;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKEKRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;

/**
 * One company's data for the customer who asks for it (issue 11): its contracts as the app exports them
 * (CSV and every PDF), its login and operation log as CSV, and its users, in one ZIP encrypted as CMS
 * AuthEnvelopedData (AES-256-GCM; the content key wrapped with a new random key by AES key wrap), which the
 * customer opens with the key handed to them and a standard tool: {@code openssl cms -decrypt}. A
 * README in Japanese and English beside it says how.
 */
public final class CompanyExport {
    static final String FILE = "export.p7m";
    static final String README = "README.txt";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CompanyExport() {
    }

    /** What the customer needs besides the folder: the key (hex) and its id, handed over separately. */
    public record Key(String keyId, String keyHex, Path folder) {
    }

    /**
     * Takes the services it reads rather than the whole server context, so that backup stays below the
     * composition root.
     */
    public static Key write(CompanyService companies, UserService userService, ContractService contracts,
            AuditLog audit, CompanyId company, Path dir) {
        Company found = companies.find(company).filter(k -> k.status() != CompanyStatus.PURGED)
                .orElseThrow(() -> BackupMessage.NO_COMPANY_DATA.exception(company));
        List<User> users = userService.ofCompany(company);
        // The export reads what the company's owner sees: every contract of the company.
        Caller owner = users.stream().filter(u -> u.role() == Role.OWNER).findFirst()
                .map(u -> new Caller(u, found.status(), null, "operator")).orElseThrow();
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        SecretKey key = Aead.newKey();
        try {
            Files.createDirectories(dir);
            SealedPart.restrict(dir);
            Path file = dir.resolve(FILE);
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
                gen.addRecipientInfoGenerator(new JceKEKRecipientInfoGenerator(id, key));
                OutputAEADEncryptor gcm = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                        .build();
                try (OutputStream sealed = gen.open(raw, gcm); ZipOutputStream zip = new ZipOutputStream(sealed)) {
                    zip.putNextEntry(new ZipEntry("contracts.zip"));
                    contracts.queries().export(owner, ContractQuery.all(Integer.MAX_VALUE), true,
                            new ZipEntryStream(zip));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("audit-log.csv"));
                    AuditCsv csv = new AuditCsv(new ZipEntryStream(zip));
                    audit.forEach(new AuditQuery(company.value(), null, null, null, null, 0, Integer.MAX_VALUE),
                            csv::write);
                    csv.flush();
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("users.csv"));
                    writeUsers(users, new ZipEntryStream(zip));
                    zip.closeEntry();
                }
            }
            SealedPart.restrict(file);
            String hexId = HexFormat.of().formatHex(id);
            String hexKey = HexFormat.of().formatHex(key.getEncoded());
            Files.writeString(dir.resolve(README), readme(company, hexId), StandardCharsets.UTF_8);
            audit.append(new AuditLog.Entry("operator", company.value(),
                    AuditAction.COMPANY_EXPORTED, company.value(), AuditOutcome.SUCCESS, null, "to " + dir));
            return new Key(hexId, hexKey, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export into " + dir + ": " + e.getMessage(), e);
        } catch (CMSException e) {
            throw new IllegalStateException("cannot encrypt the export", e);
        }
    }

    private static void writeUsers(List<User> users, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out, List.of("利用者ID", "氏名", "氏名カナ", "メールアドレス", "所属", "役職", "権限", "状態"));
        for (User u : users) {
            csv.row(List.of(u.id().value(), u.profile().name(), nz(u.profile().nameKana()), nz(u.profile().email()),
                    nz(u.profile().department()), nz(u.profile().title()), u.role().labelJa(), u.status().labelJa()));
        }
        csv.flush();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String readme(CompanyId company, String keyId) {
        String command = "openssl cms -decrypt -inform DER -binary -in export.p7m -out export.zip \\\n"
                + "    -secretkeyid " + keyId + " -secretkey <別途お渡しした鍵 / the key handed to you>";
        return "SiteSign データ書き出し（企業 " + company + "）\n"
                + "==========================================\n\n"
                + "export.p7m は、貴社の契約（一覧 CSV とすべての PDF）と、ログイン・操作ログ（CSV）をまとめた ZIP を、\n"
                + "AES-256-GCM で暗号化したものです（CMS AuthEnvelopedData）。鍵は別の経路でお渡しします。\n"
                + "OpenSSL 3 で次のように復号すると export.zip が得られます。\n\n"
                + command + "\n\n"
                + "export.zip の中身: contracts.zip（contracts.csv と pdf/ フォルダー）、audit-log.csv（日時は日本時間）、users.csv。\n"
                + "CSV は UTF-8（BOM 付き）です。署名済み PDF の署名は Adobe Acrobat Reader などで確認できます。\n\n"
                + "----\n"
                + "SiteSign data export (company " + company + ")\n\n"
                + "export.p7m is a ZIP of your contracts (a CSV list and every PDF) and your login and operation log\n"
                + "(CSV), encrypted with AES-256-GCM (CMS AuthEnvelopedData). The key is handed to you separately.\n"
                + "Decrypt with OpenSSL 3 as above to get export.zip: contracts.zip (contracts.csv and pdf/) and\n"
                + "audit-log.csv (times in JST) and users.csv. The CSV files are UTF-8 with a BOM.\n";
    }
}
