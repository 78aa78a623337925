package jp.sitesign.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.sitesign.model.user.ProfileRules.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRulesTest {
    private static final UserProfile GOOD =
            new UserProfile("山田 太郎", "ヤマダ　タロウ", "taro.yamada@example.co.jp", "工事部", "課長");

    private static List<String> fields(UserProfile p) {
        return ProfileRules.check(p).stream().map(Problem::field).toList();
    }

    private static UserProfile name(String v) {
        return new UserProfile(v, GOOD.nameKana(), GOOD.email(), GOOD.department(), GOOD.title());
    }

    private static UserProfile kana(String v) {
        return new UserProfile(GOOD.name(), v, GOOD.email(), GOOD.department(), GOOD.title());
    }

    private static UserProfile email(String v) {
        return new UserProfile(GOOD.name(), GOOD.nameKana(), v, GOOD.department(), GOOD.title());
    }

    private static UserProfile department(String v) {
        return new UserProfile(GOOD.name(), GOOD.nameKana(), GOOD.email(), v, GOOD.title());
    }

    private static UserProfile title(String v) {
        return new UserProfile(GOOD.name(), GOOD.nameKana(), GOOD.email(), GOOD.department(), v);
    }

    @Test
    void aCompleteProfilePasses() {
        assertThat(ProfileRules.check(GOOD)).isEmpty();
    }

    @Test
    void departmentAndTitleAreOptional() {
        assertThat(ProfileRules.check(new UserProfile(GOOD.name(), GOOD.nameKana(), GOOD.email(), null, null))).isEmpty();
        assertThat(ProfileRules.check(new UserProfile(GOOD.name(), GOOD.nameKana(), GOOD.email(), "", ""))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "　", "\t"})
    void nameKanaAndEmailAreRequired(String blank) {
        assertThat(fields(name(blank))).containsExactly("name");
        assertThat(fields(kana(blank))).containsExactly("nameKana");
        assertThat(fields(email(blank))).containsExactly("email");
        assertThat(ProfileRules.check(email(blank)).get(0).messageJa()).contains("メールアドレス").contains("入力");
        assertThat(ProfileRules.check(email(blank)).get(0).messageEn()).contains("Email is required");
    }

    @Test
    void anErasedProfileIsMissingEveryRequiredField() {
        assertThat(fields(UserProfile.ERASED)).containsExactlyInAnyOrder("name", "nameKana", "email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ヤマダタロウ", "ヤマダ タロウ", "ヤマダ　タロウ", "サトウ・ジョー", "コーヘイ", "ヴァン", "ヶ"})
    void nameKanaAcceptsFullWidthKatakana(String value) {
        assertThat(fields(kana(value))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"やまだたろう", "ﾔﾏﾀﾞﾀﾛｳ", "Yamada Taro", "山田太郎", "ヤマダ1", "ヤマダ・ﾀﾛｳ", "ヤマダ-タロウ"})
    void nameKanaRefusesAnythingButFullWidthKatakana(String value) {
        List<Problem> problems = ProfileRules.check(kana(value));
        assertThat(problems).extracting(Problem::field).containsExactly("nameKana");
        assertThat(problems.get(0).messageJa()).contains("全角カタカナ");
        assertThat(problems.get(0).messageEn()).contains("katakana");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.jp", "taro.yamada+site@example.co.jp", "山田@例え.jp"})
    void acceptsPlausibleEmailAddresses(String value) {
        assertThat(fields(email(value))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"taro", "taro@example", "@example.co.jp", "taro@", "taro@@example.co.jp",
            "ta ro@example.co.jp", "taro@exa mple.co.jp", "taro@example.co.jp, hanako@example.co.jp"})
    void refusesMalformedEmailAddresses(String value) {
        List<Problem> problems = ProfileRules.check(email(value));
        assertThat(problems).extracting(Problem::field).containsExactly("email");
        assertThat(problems.get(0).messageEn()).contains("not valid");
    }

    @Test
    void namesAreLimitedTo100Characters() {
        assertThat(fields(name("山".repeat(ProfileRules.MAX_NAME)))).isEmpty();
        assertThat(fields(name("山".repeat(ProfileRules.MAX_NAME + 1)))).containsExactly("name");
        assertThat(fields(kana("ヤ".repeat(ProfileRules.MAX_NAME)))).isEmpty();
        assertThat(fields(kana("ヤ".repeat(ProfileRules.MAX_NAME + 1)))).containsExactly("nameKana");
        assertThat(fields(department("部".repeat(ProfileRules.MAX_NAME + 1)))).containsExactly("department");
        assertThat(fields(title("長".repeat(ProfileRules.MAX_NAME + 1)))).containsExactly("title");
        Problem tooLong = ProfileRules.check(name("山".repeat(ProfileRules.MAX_NAME + 1))).get(0);
        assertThat(tooLong.messageJa()).contains("氏名").contains("100");
        assertThat(tooLong.messageEn()).contains("Name").contains("100");
    }

    @Test
    void emailIsLimitedTo254Characters() {
        String domain = "@example.co.jp";
        String exactly254 = "a".repeat(ProfileRules.MAX_EMAIL - domain.length()) + domain;
        assertThat(exactly254).hasSize(254);
        assertThat(fields(email(exactly254))).isEmpty();
        assertThat(fields(email("a" + exactly254))).containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u0000", "\u001B", "\u007F", "\u0085"})
    void controlCharactersAreRefusedInEveryField(String control) {
        assertThat(fields(name("山田" + control + "太郎"))).containsExactly("name");
        assertThat(fields(department("工事部" + control))).containsExactly("department");
        assertThat(fields(title(control + "課長"))).containsExactly("title");
        assertThat(fields(kana("ヤマダ" + control))).contains("nameKana");
        assertThat(fields(email("taro" + control + "@example.co.jp"))).contains("email");
        Problem p = ProfileRules.check(department("工事部" + control)).get(0);
        assertThat(p.messageJa()).contains("所属").contains("制御文字");
        assertThat(p.messageEn()).contains("Department").contains("control characters");
    }

    @Test
    void everyProblemIsWrittenInBothLanguages() {
        List<Problem> problems = ProfileRules.check(new UserProfile("\n" + "x".repeat(200), "yamada", "nope", "\u0007", "x".repeat(101)));
        assertThat(problems).extracting(Problem::field).contains("name", "nameKana", "email", "department", "title");
        for (Problem p : problems) {
            assertThat(p.messageJa()).isNotBlank().containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
            assertThat(p.messageEn()).isNotBlank().matches("\\p{ASCII}+");
        }
    }
}
