package jp.sitesign.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ConstructionItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor in a real (headless Monocle) window: ticking 建設工事 shows the checklist, filling an item removes it. */
@ExtendWith(ApplicationExtension.class)
class ContractEditorChecklistTest {
    @TempDir
    static Path dir;
    private static StoreSession store;

    @Start
    void start(Stage stage) {
        store = EditorFixtures.store(dir.resolve("home"));
        ContractEditorViewModel vm = new ContractEditorViewModel(store, () -> { }, Language.JA,
                I18n.bundle(Language.JA));
        stage.setScene(new Scene(new ContractEditorView(vm).load(I18n.bundle(Language.JA)), 1000, 800));
        stage.show();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theChecklistIsBesideTheFormFromTheStartAndFillingAnItemOrUntickingConstructionUpdatesIt(FxRobot robot) {
        ListView<ConstructionItem> missing = robot.lookup("#missingList").query();
        assertThat(missing.isVisible() && missing.getParent().isVisible()).as("建設工事 is ticked by default").isTrue();
        assertThat(robot.lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).getContent()
                .lookup("#missingList")).as("the checklist does not scroll away with the form").isNull();
        assertThat(missing.getItems()).contains(ConstructionItem.WORK_NAME, ConstructionItem.WORK_SITE)
                .hasSize((int) java.util.Arrays.stream(ConstructionItem.values()).filter(ConstructionItem::required)
                        .count());
        assertThat(robot.lookup("#headingLabel").queryLabeled().getText()).isEqualTo("新規作成");

        // The item sits below the fold of the scrolling form: focus it as Tab would, then type.
        robot.interact(() -> robot.lookup("#term-WORK_NAME").queryTextInputControl().requestFocus());
        robot.write("Shinjuku office building");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(missing.getItems()).doesNotContain(ConstructionItem.WORK_NAME).contains(ConstructionItem.WORK_SITE);

        robot.interact(() -> robot.lookup("#constructionCheck").queryAs(javafx.scene.control.CheckBox.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(missing.getParent().isVisible()).isFalse();
    }

    @Test
    void savingWithoutATitleMarksTheTitleFieldItself(FxRobot robot) {
        javafx.scene.control.TextField title = robot.lookup("#titleField").query();
        robot.interact(() -> title.setText(""));
        robot.interact(() -> robot.lookup("#saveButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(title.getStyleClass()).as("marked beside the field, not only at the bottom").contains("field-error");
        assertThat(title.getTooltip()).isNotNull();
        assertThat(title.getTooltip().getText()).isEqualTo("契約文書名称を入力してください。");

        robot.interact(() -> title.setText("外構工事 注文書"));
        assertThat(title.getStyleClass()).doesNotContain("field-error");
    }

    @Test
    void aDateTypedInAnyFormIsTakenAndAnythingElseIsMarkedOnTheField(FxRobot robot) {
        javafx.scene.control.DatePicker date = robot.lookup("#datePicker").query();
        robot.interact(() -> {
            date.getEditor().setText("R8.4.1");
            date.getEditor().commitValue();
            date.setValue(date.getConverter().fromString(date.getEditor().getText()));
        });
        assertThat(date.getValue()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
        assertThat(robot.lookup("#dateError").queryLabeled().getText()).isEmpty();

        robot.interact(() -> date.getEditor().setText("あした"));
        assertThat(robot.lookup("#dateError").queryLabeled().getText()).contains("2026/4/1", "R8.4.1");
        assertThat(date.getValue()).as("the last good day is kept").isEqualTo(java.time.LocalDate.of(2026, 4, 1));
    }
}
