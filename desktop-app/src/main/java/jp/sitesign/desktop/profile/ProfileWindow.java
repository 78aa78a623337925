package jp.sitesign.desktop.profile;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import jp.sitesign.desktop.login.PasswordChangeViewModel;
import jp.sitesign.desktop.session.DesktopSession;
import jp.sitesign.desktop.ui.UiFont;

/**
 * Opens 自分の情報 for the logged-in user in a window of its own, owned by the main window; Escape closes it. It is
 * made afresh each time, so it always shows the server's current account.
 */
public final class ProfileWindow {
    /** The window's server calls; daemon threads, so an open window never keeps the app from ending. */
    private static final Executor BACKGROUND = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sitesign-profile");
        t.setDaemon(true);
        return t;
    });

    private ProfileWindow() {
    }

    /** Opens the window for {@code session}'s user. */
    public static Stage open(Window owner, ResourceBundle bundle, DesktopSession session) {
        return open(owner, bundle, session, BACKGROUND);
    }

    /** A menu item (for the main window's menu bar) opening 自分の情報 of the session {@code session} gives. */
    public static javafx.scene.control.MenuItem menuItem(ResourceBundle bundle,
            java.util.function.Supplier<Window> owner, java.util.function.Supplier<DesktopSession> session) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(bundle.getString("profile.button"));
        item.setId("profileMenuItem");
        item.setOnAction(e -> {
            DesktopSession s = session.get();
            if (s != null) {
                open(owner.get(), bundle, s);
            }
        });
        return item;
    }

    /** Opens the window for {@code session}'s user; slow calls run on {@code background}. */
    public static Stage open(Window owner, ResourceBundle bundle, DesktopSession session, Executor background) {
        ProfileViewModel[] made = new ProfileViewModel[1];
        PasswordChangeViewModel password = new PasswordChangeViewModel(bundle, session, background,
                Platform::runLater, () -> made[0].passwordChanged());
        String userId = session.store().user().value();
        ProfileViewModel vm = new ProfileViewModel(bundle, ProfileClient.of(session),
                () -> session.store().user(userId), session.store().companyName().orElse(null), password, background,
                Platform::runLater);
        made[0] = vm;
        Parent form = new ProfileView(vm).load(bundle);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-font-family: '" + UiFont.family(Font.getFamilies()) + "';");
        Stage stage = jp.sitesign.desktop.ui.FxDialogService.ownedBy(owner).window(bundle.getString("profile.title"),
                scroll, 560, 680, false);
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        vm.load();
        return stage;
    }
}
