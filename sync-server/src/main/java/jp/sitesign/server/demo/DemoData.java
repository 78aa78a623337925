package jp.sitesign.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.companies.CompanyService;

/**
 * The embedded default's demo company (owner, an admin, two members), created once per data folder.
 * Its passwords are random, kept in a 0600 file in the data folder and printed at every start, so a
 * newcomer can log in at once; everything about it is labelled DEMO.
 */
public final class DemoData {
    public static final String FILE_NAME = "demo-credentials.txt";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private DemoData() {
    }

    /** Creates the demo company if this data folder has none yet; returns the credentials text. */
    public static String ensure(ServerContext ctx) {
        Path file = ctx.config().dataDir().resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            StringBuilder text = new StringBuilder();
            CompanyService.Created company = ctx.companies().create(new CompanyService.Registration(
                    "【デモ】サイトサイン建設株式会社", "デモ サイトサイン ケンセツ", "7000012050002", "東京都千代田区丸の内1-1-1",
                    "代表取締役 山田 太郎",
                    new UserProfile("山田 太郎", "ヤマダ タロウ", "owner@demo.sitesign.invalid", "経営企画部", "代表取締役")));
            text.append("DEMO company ").append(company.companyId()).append(" 【デモ】サイトサイン建設株式会社\n");
            line(ctx, text, company.ownerId(), "責任者 OWNER ");
            line(ctx, text, ctx.companies().addUser(company.companyId(), Role.ADMIN,
                    new UserProfile("佐藤 花子", "サトウ ハナコ", "admin@demo.sitesign.invalid", "総務部", "課長")), "管理者 ADMIN ");
            line(ctx, text, ctx.companies().addUser(company.companyId(), Role.MEMBER,
                    new UserProfile("鈴木 一郎", "スズキ イチロウ", "suzuki@demo.sitesign.invalid", "工事部", "現場所長")),
                    "一般 MEMBER ");
            line(ctx, text, ctx.companies().addUser(company.companyId(), Role.MEMBER,
                    new UserProfile("高橋 美咲", "タカハシ ミサキ", "takahashi@demo.sitesign.invalid", "購買部", "主任")),
                    "一般 MEMBER ");
            jp.sitesign.server.config.DataDir.writeSecret(file, text.toString().getBytes(StandardCharsets.UTF_8));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void line(ServerContext ctx, StringBuilder text, UserId id, String label) {
        String password = "Demo-" + random(10);
        ctx.auth().setPassword(id, password, false);
        text.append("  ").append(label).append(id).append("  password: ").append(password).append('\n');
    }

    private static String random(int n) {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
