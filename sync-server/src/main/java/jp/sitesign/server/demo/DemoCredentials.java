package jp.sitesign.server.demo;

import java.util.List;
import java.util.Map;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.ServerContext;

/** The text printed at each demo start: who can log in, with which password and signing key, and the contracts. */
final class DemoCredentials {
    private DemoCredentials() {
    }

    static String text(ServerContext ctx, List<DemoCompanies.Company> companies,
            Map<UserId, DemoSigners.Signer> signers, List<DemoContracts.Seeded> contracts) {
        StringBuilder t = new StringBuilder();
        for (DemoCompanies.Company c : companies) {
            t.append("DEMO ").append(c.side()).append(' ').append(c.id()).append(' ').append(c.name()).append('\n');
            for (DemoCompanies.Person p : c.people()) {
                t.append("  ").append(pad(role(p.role()), 14)).append(p.id()).append("  password: ")
                        .append(p.password()).append("  ").append(pad(p.name(), 12));
                DemoSigners.Signer s = signers.get(p.id());
                if (s != null) {
                    t.append("  署名鍵 key: ").append(s.p12().getFileName()).append("  PIN: ").append(s.pin())
                            .append("  (").append(s.certificateNumber()).append(')');
                }
                t.append('\n');
            }
        }
        t.append("DEMO 取引先: ").append(companies.get(1).name()).append(" has given its 承諾 (consent) to ")
                .append(companies.get(0).name()).append('\n');
        t.append("DEMO signing keys: PKCS#12 files in ")
                .append(ctx.config().dataDir().resolve(DemoSigners.TOKENS_FOLDER).toAbsolutePath())
                .append(", key alias \"").append(DemoSigners.KEY_ALIAS).append("\", issued by the SiteSign DEMO CA\n");
        t.append("DEMO contracts (案件) of ").append(companies.get(0).name()).append(", drafted by ")
                .append(companies.get(0).member().name()).append(":\n");
        for (DemoContracts.Seeded k : contracts) {
            t.append("  ").append(k.number()).append("  ").append(pad(k.status(), 30)).append(k.title()).append('\n');
        }
        for (DemoContracts.Seeded k : contracts) {
            if (k.awaiting() != null) {
                t.append("Sign ").append(k.number()).append(" as ").append(k.awaiting().name()).append(" (")
                        .append(k.awaiting().id()).append(") with their key: README, \"Sign a demo contract\".\n");
            }
        }
        if (!DemoPdf.hasJapaneseFont()) {
            t.append("Note: the demo PDFs are in Latin only; for Japanese install fonts-ipafont-gothic and start with a"
                    + " new data folder.\n");
        }
        return t.toString();
    }

    /** Pads to a width in terminal columns, counting CJK characters as two. */
    static String pad(String s, int columns) {
        int width = s.codePoints().map(cp -> cp >= 0x1100 ? 2 : 1).sum();
        return s + " ".repeat(Math.max(1, columns - width));
    }

    private static String role(Role role) {
        return switch (role) {
            case OWNER -> "責任者 OWNER";
            case ADMIN -> "管理者 ADMIN";
            case MEMBER -> "一般 MEMBER";
        };
    }
}
