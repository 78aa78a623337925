package jp.sitesign.server.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;

/**
 * What the demo contracts say: fictitious but plausible subcontracting work around Tokyo, each with
 * every 建設業法19条 item written out, and the 注文書 (or 支払通知書) PDF that shows it. Dates are counted
 * from the day the demo is made, so the demo looks current whenever it is started.
 */
final class DemoProjects {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    /**
     * One piece of work.
     *
     * @param daysAgo    how long before the demo day the order was placed (取引年月日)
     * @param startsIn   days from the demo day to 着工
     * @param months     how long the work takes
     */
    record Project(String title, String workName, String site, String content, long amountYen, int daysAgo,
            int startsIn, int months) {
    }

    static final Project DRAFT = new Project("注文書 港北ニュータウン集合住宅新築工事（内装仕上工事）",
            "港北ニュータウン集合住宅新築工事のうち内装仕上工事", "神奈川県横浜市都筑区茅ケ崎中央5-1",
            "住戸 48 戸の軽量鉄骨下地、せっこうボード張り、クロス張り及び床フローリング張り一式", 18_700_000L, 1, 45, 5);
    static final Project RETURNED = new Project("注文書 川崎市立第二小学校体育館屋根改修工事（板金工事）",
            "川崎市立第二小学校体育館屋根改修工事のうち板金工事", "神奈川県川崎市中原区小杉町3-2",
            "既存折板屋根の撤去及びガルバリウム鋼板折板屋根の新設（約 1,200 ㎡）、雨樋交換", 9_350_000L, 6, 40, 3);
    static final Project IN_APPROVAL = new Project("注文書 世田谷区戸建住宅新築工事（基礎工事）",
            "世田谷区戸建住宅新築工事のうち基礎工事", "東京都世田谷区桜新町2-8",
            "木造 2 階建住宅（延床 120 ㎡）のべた基礎工事一式（根切り、配筋、型枠、コンクリート打設）", 4_180_000L, 3,
            30, 1);
    static final Project AWAITING_SENDER = new Project("注文書 千葉市物流倉庫新築工事（鉄骨建方工事）",
            "千葉市物流倉庫新築工事のうち鉄骨建方工事", "千葉県千葉市美浜区新港58",
            "S 造 3 階建倉庫（延床 9,800 ㎡）の鉄骨建方、本締め及び溶接一式（揚重機を含む）", 36_300_000L, 4, 60, 4);
    static final Project AWAITING_COUNTERPARTY = new Project("注文書 さいたま市医療クリニック改修工事（電気設備工事）",
            "さいたま市医療クリニック改修工事のうち電気設備工事", "埼玉県さいたま市浦和区高砂3-15",
            "診察室増設に伴う幹線・動力・電灯コンセント設備の改修及び非常照明の更新一式", 6_820_000L, 5, 35, 2);
    static final Project COMPLETED = new Project("注文書 丸の内三丁目オフィスビル新築工事（内装仕上工事）",
            "（仮称）丸の内三丁目オフィスビル新築工事のうち内装仕上工事", "東京都千代田区丸の内3-4-1",
            "事務所階（5〜12 階）の間仕切壁、天井、床仕上げ及び建具取付け一式", 27_500_000L, 10, 21, 6);
    static final Project WITHDRAWN = new Project("注文書 八王子市店舗解体工事",
            "八王子市店舗解体工事", "東京都八王子市旭町9-1",
            "RC 造 2 階建店舗（延床 640 ㎡）の解体及び産業廃棄物の収集運搬・処分一式", 7_920_000L, 8, 25, 2);
    static final Project DECLINED = new Project("注文書 横須賀市擁壁補修工事",
            "横須賀市擁壁補修工事", "神奈川県横須賀市小川町11",
            "既設コンクリート擁壁（延長 35 m）のひび割れ注入、断面修復及び水抜き孔の清掃", 3_080_000L, 7, 20, 1);
    static final Project EXPIRED = new Project("注文書 船橋市集合住宅外構工事",
            "船橋市集合住宅外構工事", "千葉県船橋市本町4-40",
            "駐車場アスファルト舗装（約 600 ㎡）、植栽、フェンス及び門扉の設置一式", 5_390_000L, 20, 14, 2);
    static final Project PAYMENT_NOTICE = new Project("支払通知書（丸の内三丁目オフィスビル新築工事 出来高分）",
            "（仮称）丸の内三丁目オフィスビル新築工事のうち内装仕上工事", "東京都千代田区丸の内3-4-1",
            "前月末締め出来高（30 %）に対する支払", 8_250_000L, 2, 0, 0);

    private DemoProjects() {
    }

    /** A construction contract's data: the search keys and every 19条 item. */
    static ContractData construction(String number, Project p, LocalDate today) {
        return new ContractData(number, p.title(), today.minusDays(p.daysAgo()), p.amountYen(), true, true,
                new ConstructionTerms(terms(p, today)), "DEMO: SiteSign のデモ用の架空の案件です。", null);
    }

    /** A 送付のみ notice: no construction items, no 承諾 needed. */
    static ContractData notice(String number, Project p, LocalDate today) {
        return new ContractData(number, p.title(), today.minusDays(p.daysAgo()), p.amountYen(), true, false,
                ConstructionTerms.empty(), "DEMO: 受注者は受領を確認するだけの送付のみの文書です。", null);
    }

    static Map<ConstructionItem, String> terms(Project p, LocalDate today) {
        LocalDate start = today.plusDays(p.startsIn());
        LocalDate end = start.plusMonths(p.months()).minusDays(1);
        Map<ConstructionItem, String> t = new EnumMap<>(ConstructionItem.class);
        t.put(ConstructionItem.WORK_NAME, p.workName());
        t.put(ConstructionItem.WORK_SITE, p.site());
        t.put(ConstructionItem.WORK_CONTENT, p.content());
        t.put(ConstructionItem.CONTRACT_PRICE, price(p.amountYen()));
        t.put(ConstructionItem.SCHEDULE, "着工 " + DATE.format(start) + "　完成 " + DATE.format(end));
        t.put(ConstructionItem.NON_WORKING_DAYS, "日曜日、祝日及び年末年始（12月29日〜1月3日）。作業時間は 8時00分〜18時00分。");
        t.put(ConstructionItem.ADVANCE_AND_PROGRESS_PAYMENT, "前払金なし。出来高に応じ毎月末締め、翌月末に銀行振込で支払う。");
        t.put(ConstructionItem.DESIGN_CHANGE_AND_SUSPENSION,
                "発注者・受注者が協議のうえ、工期及び請負代金の額を書面により変更する。受注者に生じた損害は発注者が負担する。");
        t.put(ConstructionItem.FORCE_MAJEURE, "天災その他不可抗力による工期の変更は協議して定め、損害は発注者が合理的な範囲で負担する。");
        t.put(ConstructionItem.PRICE_FLUCTUATION, "賃金又は物価の変動により請負代金の額が著しく不適当となったときは、協議のうえ変更する。");
        t.put(ConstructionItem.THIRD_PARTY_DAMAGE, "受注者の責めに帰すべき事由によるものは受注者が、それ以外は発注者が負担する。");
        t.put(ConstructionItem.MATERIALS_AND_MACHINERY, "支給材及び貸与機械なし。");
        t.put(ConstructionItem.INSPECTION_AND_DELIVERY, "完成の通知から 14 日以内に発注者が検査し、合格の後直ちに引渡しを受ける。");
        t.put(ConstructionItem.PAYMENT_AFTER_COMPLETION, "引渡しの月末締め、翌月末に銀行振込で支払う。");
        t.put(ConstructionItem.NONCONFORMITY_LIABILITY, "引渡しから 2 年間、契約不適合責任を負う。保証保険契約の締結はなし。");
        t.put(ConstructionItem.DELAY_AND_DEFAULT, "遅延日数 1 日につき、請負代金の額の 1 万分の 4 に相当する額の違約金。");
        t.put(ConstructionItem.DISPUTE_RESOLUTION, "建設工事紛争審査会のあっせん又は調停により解決を図る。");
        return t;
    }

    /** The 注文書: every 19条 item as a row, in the law's order. */
    static DemoPdf.Sheet orderSheet(ContractData d, DemoCompanies.Company from, DemoCompanies.Company to) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        d.terms().items().forEach((item, text) -> rows.add(Map.entry(item.labelJa(), text)));
        return new DemoPdf.Sheet("注　文　書", d.managementNumber(), DATE.format(d.transactionDate()), to.name(),
                issuer(from), "下記の工事を、下記の条件により注文いたします。", rows);
    }

    /** The 支払通知書 sent for acknowledgement only. */
    static DemoPdf.Sheet noticeSheet(ContractData d, Project p, DemoCompanies.Company from,
            DemoCompanies.Company to) {
        List<Map.Entry<String, String>> rows = List.of(Map.entry("件名", p.content()),
                Map.entry("対象工事", p.workName()), Map.entry("支払金額", price(p.amountYen())),
                Map.entry("支払予定日", DATE.format(d.transactionDate().withDayOfMonth(1).plusMonths(2).minusDays(1))),
                Map.entry("支払方法", "銀行振込（振込手数料は発注者負担）"));
        return new DemoPdf.Sheet("支 払 通 知 書", d.managementNumber(), DATE.format(d.transactionDate()), to.name(),
                issuer(from), "下記のとおり支払うことを通知いたします。受領のご確認をお願いいたします。", rows);
    }

    private static List<String> issuer(DemoCompanies.Company from) {
        return List.of(from.name(), from.address(), "代表取締役　" + from.owner().name());
    }

    private static String price(long yen) {
        long tax = Math.round(yen / 11.0);
        return String.format("金 %,d 円（税込。うち消費税及び地方消費税 %,d 円）", yen, tax);
    }
}
