package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.Test;

/** How people are written on the contract screens, including the ids that stand for no person. */
class ContractTextsTest {

    @Test
    void theServersSealIsWrittenAsTheOrganisationSeal_notAsAnId() {
        ContractTexts ja = new ContractTexts(I18n.bundle(Language.JA), List.of());
        ContractTexts en = new ContractTexts(I18n.bundle(Language.EN), List.of());

        assertThat(ja.person(UserId.SERVER_SEAL.value())).isEqualTo("組織の電子印（サーバーによる封印）");
        assertThat(en.person(UserId.SERVER_SEAL.value())).isEqualTo("Organisation seal (sealed by the server)");
        assertThat(ja.person("U12345678")).as("an unknown person stays an id").isEqualTo("U12345678");
    }
}
