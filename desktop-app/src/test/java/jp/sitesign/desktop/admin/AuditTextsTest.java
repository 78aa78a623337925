package jp.sitesign.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractStatus;
import org.junit.jupiter.api.Test;

/** 監査ログ in words: people by name, contracts by number and title, details without codes, hashes or offsets. */
class AuditTextsTest {
    static final ResourceBundle JA = I18n.bundle(Language.JA);
    static final String CONTRACT = "8eda51c6-f216-4c3b-9a56-2c1f0e6f7a10";
    static final String SHA = "37aaada1ad0e3c9f6a1b9f4e1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";
    static final AuditTexts.Directory DIRECTORY = new AuditTexts.Directory() {
        final Map<String, String> people = Map.of("U05465415", "鈴木 一郎", "U86947655", "中村 さくら");

        @Override
        public Optional<String> person(String userId) {
            return Optional.ofNullable(people.get(userId));
        }

        @Override
        public Optional<String> contract(String contractId) {
            return CONTRACT.equals(contractId) ? Optional.of("DEMO-2026-005 注文書 千葉市物流倉庫新築工事")
                    : Optional.empty();
        }

        @Override
        public Optional<String> company(String companyId) {
            return "C00000002".equals(companyId) ? Optional.of("みらい工務店株式会社") : Optional.empty();
        }
    };
    static final AuditTexts TEXTS = new AuditTexts(JA, DateDisplay.of(DateStyle.SEIREKI), DIRECTORY);

    @Test
    void theActorIsAPersonByNameAndTheServerIsTheSystem() {
        assertThat(TEXTS.actor("U05465415")).isEqualTo("鈴木 一郎");
        assertThat(TEXTS.actor("system")).isEqualTo("システム");
        assertThat(TEXTS.actor("U99990000")).as("someone this computer cannot name keeps the login id")
                .isEqualTo("U99990000");
    }

    @Test
    void theTargetIsTheContractsNumberAndTitleOrTheUsersOrCompanysName() {
        assertThat(TEXTS.target(CONTRACT)).isEqualTo("DEMO-2026-005 注文書 千葉市物流倉庫新築工事");
        assertThat(TEXTS.target("U86947655")).isEqualTo("中村 さくら");
        assertThat(TEXTS.target("C00000002")).isEqualTo("みらい工務店株式会社");
        assertThat(TEXTS.target("3327ec88-774b-4f0e-8a1d-000000000001")).isEqualTo("案件（このパソコンにない案件）");
    }

    @Test
    void detailsAreJapaneseWordsWithoutStatusCodesHashesOrOffsets() {
        assertThat(TEXTS.details("status=AWAITING_SIGNATURE sha256=" + SHA)).isEqualTo("ステータス: " + ContractStatus.AWAITING_SIGNATURE.labelJa());
        assertThat(TEXTS.details("status=IN_APPROVAL main=" + SHA + " pages=2")).isEqualTo("ステータス: " + ContractStatus.IN_APPROVAL.labelJa() + "、ページ数: 2");
        assertThat(TEXTS.details("deadline=2026-12-07 08:31:12+09:00")).isEqualTo("署名期限: 2026/12/07 08:31");
        assertThat(TEXTS.details("status=ACTIVE->SUSPENDED role=MEMBER->ADMIN"))
                .isEqualTo("ステータス: 利用中→利用停止、権限: 一般利用者→管理者");
        assertThat(TEXTS.details("original=" + CONTRACT)).isEqualTo("元の契約: DEMO-2026-005 注文書 千葉市物流倉庫新築工事");
        assertThat(TEXTS.details("role=MEMBER->ADMIN profile changed")).isEqualTo("権限: 一般利用者→管理者、氏名・所属など: 変更あり");
        assertThat(TEXTS.details(null)).isEmpty();
    }

    @Test
    void noDisplayedStringHoldsAUuidAnEnumCodeOrAnOffset() {
        List<String> shown = List.of(TEXTS.target(CONTRACT), TEXTS.target("3327ec88-774b-4f0e-8a1d-000000000001"),
                TEXTS.details("status=WITHDRAWN"), TEXTS.details("status=DRAFT sha256=" + SHA),
                TEXTS.details("deadline=2026-12-07 08:31:12+09:00"), TEXTS.details("original=" + CONTRACT));
        for (String s : shown) {
            assertThat(s).doesNotContainPattern(AuditTexts.UUID).doesNotContain("+09:00")
                    .doesNotContainPattern("[A-Z]{3,}_?[A-Z]*=").doesNotContain(SHA)
                    .doesNotContain("AWAITING_SIGNATURE", "WITHDRAWN", "DRAFT");
        }
    }
}
