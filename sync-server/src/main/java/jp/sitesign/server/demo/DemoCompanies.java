package jp.sitesign.server.demo;

import java.security.SecureRandom;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserProfile;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.companies.CompanyService;

/**
 * The two demo companies, made with the operator's own commands: the 発注者 (a general contractor) and the
 * 受注者 (its subcontractor), each with its 責任者, a 管理者 and two 一般利用者, every one with a random
 * password and no forced change, so a newcomer can log in at once.
 */
final class DemoCompanies {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoCompanies() {
    }

    /** A demo user and the password printed for them. */
    record Person(UserId id, Role role, UserProfile profile, String password) {
        String name() {
            return profile.name();
        }
    }

    /** A demo company: its side in the demo contracts and its four users. */
    record Company(CompanyId id, String name, String side, String address, Person owner, Person admin,
            Person member, Person member2) {
        List<Person> people() {
            return List.of(owner, admin, member, member2);
        }
    }

    /** 【デモ】サイトサイン建設: the general contractor that orders the work. */
    static Company orderer(ServerContext ctx) {
        return create(ctx, "発注者", new CompanyService.Registration("【デモ】サイトサイン建設株式会社",
                "デモ サイトサイン ケンセツ", "7000012050002", "東京都千代田区丸の内1-1-1", "代表取締役 山田 太郎",
                profile("山田 太郎", "ヤマダ タロウ", "owner", "経営企画部", "代表取締役")),
                profile("佐藤 花子", "サトウ ハナコ", "admin", "工事管理部", "課長"),
                profile("鈴木 一郎", "スズキ イチロウ", "suzuki", "工事部", "現場所長"),
                profile("高橋 美咲", "タカハシ ミサキ", "takahashi", "購買部", "主任"));
    }

    /** 【デモ】みらい工務店: the subcontractor that takes the orders. */
    static Company contractor(ServerContext ctx) {
        return create(ctx, "受注者", new CompanyService.Registration("【デモ】みらい工務店株式会社",
                "デモ ミライ コウムテン", "2020001077777", "神奈川県横浜市中区本町2-2-2", "代表取締役 田中 健一",
                profile("田中 健一", "タナカ ケンイチ", "mirai-owner", "本社", "代表取締役")),
                profile("伊藤 由美", "イトウ ユミ", "mirai-admin", "総務部", "部長"),
                profile("渡辺 翔太", "ワタナベ ショウタ", "watanabe", "工事部", "職長"),
                profile("中村 さくら", "ナカムラ サクラ", "nakamura", "工務部", "主任"));
    }

    private static Company create(ServerContext ctx, String side, CompanyService.Registration registration,
            UserProfile admin, UserProfile member, UserProfile member2) {
        String ownerPassword = password();
        CompanyService.Created created = ctx.companies().create(registration, ownerPassword, false);
        CompanyId id = created.companyId();
        return new Company(id, registration.name(), side, registration.address(),
                new Person(created.ownerId(), Role.OWNER, registration.owner(), ownerPassword),
                person(ctx, id, Role.ADMIN, admin), person(ctx, id, Role.MEMBER, member),
                person(ctx, id, Role.MEMBER, member2));
    }

    private static Person person(ServerContext ctx, CompanyId company, Role role, UserProfile profile) {
        String password = password();
        return new Person(ctx.companies().addUser(company, role, profile, password, false), role, profile, password);
    }

    private static String password() {
        return "Demo-" + random(10);
    }

    private static UserProfile profile(String name, String kana, String mailbox, String department, String title) {
        return new UserProfile(name, kana, mailbox + "@demo.sitesign.invalid", department, title);
    }

    /** Random text from an alphabet without look-alike characters (no 0/O, 1/l/I). */
    static String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
