package jp.sitesign.model.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConstructionTermsTest {

    private static Map<ConstructionItem, String> allRequired() {
        Map<ConstructionItem, String> m = new EnumMap<>(ConstructionItem.class);
        Arrays.stream(ConstructionItem.values()).filter(ConstructionItem::required).forEach(i -> m.put(i, "記載あり"));
        return m;
    }

    @Test
    void anEmptyContractMissesEveryRequiredItemInTheLawsOrder() {
        assertThat(ConstructionTerms.empty().missing())
                .containsExactly(Arrays.stream(ConstructionItem.values()).filter(ConstructionItem::required)
                        .toArray(ConstructionItem[]::new))
                .contains(ConstructionItem.CONTRACT_PRICE, ConstructionItem.DISPUTE_RESOLUTION)
                .doesNotContain(ConstructionItem.NON_WORKING_DAYS, ConstructionItem.ADVANCE_AND_PROGRESS_PAYMENT,
                        ConstructionItem.MATERIALS_AND_MACHINERY, ConstructionItem.NONCONFORMITY_LIABILITY);
    }

    @Test
    void allRequiredItemsMakeItCompleteWithoutTheConditionalOnes() {
        assertThat(new ConstructionTerms(allRequired()).isComplete()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ConstructionItem.class)
    void eachRequiredItemLeftBlankIsNamed(ConstructionItem item) {
        Map<ConstructionItem, String> m = allRequired();
        m.put(item, "  \u3000 ");
        ConstructionTerms terms = new ConstructionTerms(m);
        if (item.required()) {
            assertThat(terms.missing()).containsExactly(item);
        } else {
            assertThat(terms.missing()).isEmpty();
            assertThat(terms.get(item)).isNull();
        }
    }

    @Test
    void everyItemHasBothLabels() {
        assertThat(ConstructionItem.values()).allSatisfy(i -> {
            assertThat(i.labelJa()).isNotBlank();
            assertThat(i.labelEn()).isNotBlank();
        });
    }

    @Test
    void overlongTextIsRefused() {
        assertThatThrownBy(() -> new ConstructionTerms(Map.of(ConstructionItem.WORK_CONTENT,
                "あ".repeat(ConstructionTerms.MAX_ITEM_LENGTH + 1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
