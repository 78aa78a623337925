package jp.sitesign.desktop.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A real local store (as a login opens it) holding what a sync would have brought: the own company's
 * users, some with signing authority, and partnerships with and without the counterparty's 承諾.
 */
public final class EditorFixtures {
    public static final String SERVER = "https://sitesign.example:8443";
    public static final CompanyId OWN = new CompanyId("C00000001");
    public static final CompanyId CONSENTED = new CompanyId("C00000002");
    public static final CompanyId NOT_CONSENTED = new CompanyId("C00000003");
    public static final UserId ME = new UserId("U00000101");
    public static final UserId APPROVER = new UserId("U00000102");
    public static final UserId SIGNER = new UserId("U00000103");
    public static final UserId SUSPENDED_SIGNER = new UserId("U00000104");
    static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    private EditorFixtures() {
    }

    /** Opens a store for {@link #ME} under {@code home} and fills it with {@code changes} plus the standard users. */
    public static StoreSession store(Path home, Change... extra) {
        StoreSession store = new LocalStores(home).openOnline(SERVER, ME, OWN, "pass-word-1".toCharArray()).session();
        List<Change> changes = new ArrayList<>(List.of(
                Change.of(user(ME, "山田 太郎", "ヤマダ タロウ", false, UserStatus.ACTIVE), 1),
                Change.of(user(APPROVER, "佐藤 花子", "サトウ ハナコ", false, UserStatus.ACTIVE), 2),
                Change.of(user(SIGNER, "鈴木 一郎", "スズキ イチロウ", true, UserStatus.ACTIVE), 3),
                Change.of(user(SUSPENDED_SIGNER, "田中 次郎", "タナカ ジロウ", true, UserStatus.SUSPENDED), 4),
                Change.of(partnership(1, CONSENTED, "協力工業株式会社", true), 5),
                Change.of(partnership(2, NOT_CONSENTED, "未承諾建設株式会社", false), 6)));
        long seq = 7;
        for (Change c : extra) {
            changes.add(new Change(c.type(), c.id(), seq++, c.removed(), c.contract(), c.user(), c.partnership(),
                    c.notice()));
        }
        store.apply(new ChangePage(changes, seq, false, false));
        return store;
    }

    public static UserView user(UserId id, String name, String kana, boolean signingAuthority, UserStatus status) {
        return new UserView(id.value(), OWN.value(), Role.MEMBER, Role.MEMBER.labelJa(), status, status.labelJa(), name,
                kana, id.value().toLowerCase() + "@example.jp", "工事部", "課長", false, signingAuthority, null, null,
                false, 1, T);
    }

    static Partnership partnership(long id, CompanyId partner, String name, boolean theyConsented) {
        Partnership.Consent ours = new Partnership.Consent(ME.value(), T, "sha", null, null);
        Partnership.Consent theirs = theyConsented ? new Partnership.Consent("U00000201", T, "sha", null, null) : null;
        return new Partnership(id, partner, name, OWN, ME.value(), T, "電子契約の方法", "sha", ours, theirs);
    }

    /** A small valid PDF with {@code pages} pages. */
    public static byte[] pdf(int pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
