package jp.sitesign.desktop.tools;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import jp.sitesign.desktop.app.AppShell;
import jp.sitesign.desktop.app.EntryFlow;
import jp.sitesign.desktop.contracts.ContractRow;
import jp.sitesign.desktop.main.Section;
import jp.sitesign.desktop.preview.PageRenderer;
import jp.sitesign.desktop.settings.Settings;
import jp.sitesign.desktop.settings.SettingsFile;
import jp.sitesign.desktop.ui.DateStyle;
import jp.sitesign.desktop.ui.FileChoice;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.notice.NoticeCategory;

/**
 * Screenshots of every main screen for a person to look at (scripts/screenshots.sh; PNGs, never committed),
 * taken from the real window logged in to the demo server ({@code ./sitesign demo}'s data, in-process):
 * first run with the fingerprint, login, the contract list with every status, a contract's detail with its
 * PDF, the signature panel of a completed contract, the editor's 19条 checklist, the signing dialog with the
 * seal placed, the 要対応 tab, notices, the four admin screens and settings with 和暦 — in Japanese, and the
 * main ones in English. Screens are reached by their ids, as a user would through the window; a screen that
 * cannot be reached (or a picture that comes out blank) ends the tool with an error, so it is a smoke test too.
 *
 * <pre>Screenshots [OUT_DIR] [name,name,...]</pre> names as in {@link #ALL} (all when left out).
 */
public final class Screenshots {
    /** Every picture, as {@code name-language} file names (without .png). */
    public static final List<String> ALL = List.of(
            "first-run-ja", "login-ja", "contracts-ja", "contract-detail-ja", "signatures-ja", "editor-ja",
            "attention-ja", "notices-ja", "admin-users-ja", "admin-certificates-ja", "admin-partnerships-ja",
            "admin-audit-ja", "settings-ja", "signing-ja", "bulk-signing-ja",
            "first-run-en", "login-en", "contracts-en", "contract-detail-en", "signatures-en", "admin-users-en",
            "settings-en", "profile-ja", "profile-en");
    private static final long TIMEOUT_SECONDS = 90;
    /** The window's size: a 1366×768 screen less a Windows taskbar. */
    static final double LAPTOP_WIDTH = 1366;
    static final double LAPTOP_VISUAL_HEIGHT = 728;

    private Screenshots() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Set<String> only = args.length > 1 ? new LinkedHashSet<>(List.of(args[1].split(","))) : Set.copyOf(ALL);
        int status = 0;
        try {
            Fx.startToolkit();
            List<Path> written = take(out, only);
            System.out.println(written.size() + " screenshots in " + out.toAbsolutePath());
        } catch (Throwable e) {
            System.err.println("screenshots failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        Platform.exit();
        System.exit(status); // GTK's loop can outlive Platform.exit under Xvfb; a tool must end
    }

    /**
     * Takes the pictures named in {@code only} (see {@link #ALL}) on a demo server of its own, on the running
     * JavaFX toolkit; returns the files written. Throws when a screen cannot be reached or comes out blank.
     */
    public static List<Path> take(Path out, Set<String> only) throws Exception {
        Set<String> unknown = new LinkedHashSet<>(only);
        unknown.removeAll(ALL);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown screenshots " + unknown + "; known: " + ALL);
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        try (DemoServer demo = DemoServer.start()) {
            demo.server().context().notices().publish(NoticeCategory.MAINTENANCE, "定期メンテナンスのお知らせ",
                    "次の日曜日 2:00〜4:00 はサーバのメンテナンスのため、同期が止まります。"
                            + "その間もアプリでの編集はでき、終わり次第送られます。");
            for (Language language : Language.values()) {
                boolean wanted = only.stream().anyMatch(n -> n.endsWith("-" + language.code()));
                if (wanted) {
                    Walk walk = new Walk(demo, language, out, only, written);
                    try {
                        walk.run();
                    } finally {
                        walk.close();
                    }
                }
            }
        }
        return written;
    }

    /** One language's walk through the window: a fresh data folder, so it starts at the first run. */
    private static final class Walk {
        private final DemoServer demo;
        private final Language language;
        private final Path out;
        private final Set<String> only;
        private final List<Path> written;
        private final ResourceBundle texts;
        private final AtomicReference<Path> nextFile = new AtomicReference<>();
        private final Settings settings = new Settings();
        private PageRenderer renderer;
        private EntryFlow flow;
        private Stage stage;
        private Path home;
        private final Set<Window> before = new java.util.HashSet<>();

        Walk(DemoServer demo, Language language, Path out, Set<String> only, List<Path> written) {
            this.demo = demo;
            this.language = language;
            this.out = out;
            this.only = only;
            this.written = written;
            this.texts = I18n.bundle(language);
        }

        void run() throws Exception {
            home = Files.createTempDirectory("sitesign-screenshots-");
            settings.languageProperty().set(language);
            renderer = PageRenderer.withPdfBox();
            FileChoice files = (owner, title, kinds) -> Optional.ofNullable(nextFile.getAndSet(null));
            stage = Fx.call(() -> {
                before.addAll(Window.getWindows());
                Stage s = new Stage();
                // A 1366×768 laptop with a 40-pixel taskbar: the smallest screen the app must fit (issue 14).
                s.setX(0);
                s.setY(0);
                s.setWidth(LAPTOP_WIDTH);
                s.setHeight(LAPTOP_VISUAL_HEIGHT);
                flow = new EntryFlow(s, home, settings, new SettingsFile(home), renderer, Clock.systemUTC());
                flow.files(files);
                flow.start();
                s.show();
                return s;
            });

            // First run: the address, the server's certificate fingerprint to compare with the printed one.
            type("#serverAddress", demo.server().server().baseUrl());
            press("#fetchButton");
            await("the first run shows the server's fingerprint", () -> visible("#fingerprintBox")
                    && !text("#fingerprint").isEmpty());
            shoot("first-run", stage.getScene());
            press("#confirmButton");

            DemoServer.Login admin = demo.person("発注者", "管理者");
            await("the login screen", () -> find("#loginButton") != null);
            type("#userId", admin.userId());
            type("#password", admin.password());
            shoot("login", stage.getScene());
            login();

            // The list with a contract in every status (the 発注者's admin sees them all).
            section(Section.CONTRACTS);
            await("the contract list shows every status", () -> statuses() >= ContractStatus.values().length - 1);
            shoot("contracts", stage.getScene());

            if (wants("contract-detail") || wants("signatures")) {
                open(ContractStatus.AWAITING_SIGNATURE);
                press("#showDocumentButton");
                await("the contract's PDF in the preview", this::previewShown);
                shoot("contract-detail", stage.getScene());
                open(ContractStatus.COMPLETED);
                press("#showDocumentButton");
                await("the completed contract's PDF in the preview", this::previewShown);
                selectTab("signatureTab");
                await("the signature panel has verified the signatures", () -> find("#entryBox") instanceof Parent p
                        && !p.getChildrenUnmodifiable().isEmpty() && !visible("#signatureTab #progress")
                        && !text("#summaryLabel").isEmpty());
                shoot("signatures", stage.getScene());
                selectTabWithText(texts.getString("signatures.tab.preview"));
            }

            if (wants("editor")) {
                press("#newContractButton");
                Parent editor = window("editor.window.new");
                type(editor, "#titleField", "（仮称）みらい台 集合住宅 新築工事 請負契約書");
                type(editor, "#amountField", "86,900,000");
                type(editor, "#term-WORK_NAME", "（仮称）みらい台 集合住宅 新築工事");
                type(editor, "#term-WORK_CONTENT", "RC造 5階建 共同住宅 30戸 新築一式");
                await("the 19条 checklist lists the items still missing", () -> lookupIn(editor, "#missingList")
                        instanceof ListView<?> l && !l.getItems().isEmpty());
                Fx.run(() -> editor.getScene().getWindow().setHeight(LAPTOP_VISUAL_HEIGHT));
                scrollTo(editor, lookupIn(editor, "#constructionCheck"));
                shoot("editor", editor.getScene());
                Fx.run(() -> ((Stage) editor.getScene().getWindow()).close());
            }

            if (wants("attention")) {
                section(Section.CONTRACTS);
                selectTabWithText(texts.getString("contracts.tab.attention"));
                await("the 要対応 tab", () -> find("#itemBox") != null && visible("#itemBox"));
                shoot("attention", stage.getScene());
            }

            if (wants("notices")) {
                section(Section.NOTICES);
                ListView<?> notices = await("the notices list has the maintenance notice", () ->
                        find("#noticeList") instanceof ListView<?> l && !l.getItems().isEmpty() ? l : null);
                Fx.run(() -> notices.getSelectionModel().select(0));
                click(notices);
                await("the notice is open", () -> !text("#noticeBody").isEmpty());
                shoot("notices", stage.getScene());
            }

            if (wants("admin-users") || wants("admin-certificates") || wants("admin-partnerships")
                    || wants("admin-audit")) {
                await("管理 in the navigation", () -> shell().mainViewModel().sections().contains(Section.ADMIN));
                section(Section.ADMIN);
                adminTab("usersTab", "#table", "admin-users");
                adminTab("certificatesTab", "#certificateTable", "admin-certificates");
                adminTab("partnershipsTab", "#partnershipTable", "admin-partnerships");
                adminTab("auditTab", "#table", "admin-audit");
            }

            if (wants("settings")) {
                section(Section.SETTINGS);
                ChoiceBox<?> dateStyle = await("the settings screen", () ->
                        find("#dateStyleChoice") instanceof ChoiceBox<?> c ? c : null);
                if (language == Language.JA) {
                    @SuppressWarnings("unchecked")
                    ChoiceBox<DateStyle> styles = (ChoiceBox<DateStyle>) dateStyle;
                    Fx.run(() -> styles.setValue(DateStyle.WAREKI));
                }
                shoot("settings", stage.getScene());
            }

            if (wants("profile")) {
                press("#profileButton");
                Parent profile = window("profile.title");
                await("自分の情報 shows the account from the server", () -> lookupIn(profile, "#userIdLabel")
                        instanceof Label l && !l.getText().isEmpty() && lookupIn(profile, "#nameField")
                        instanceof TextInputControl t && !t.getText().isEmpty());
                shoot("profile", profile.getScene());
                Fx.run(() -> ((Stage) profile.getScene().getWindow()).close());
            }

            if (wants("signing") || wants("bulk-signing")) {
                signingDialog();
            }
        }

        /** The 署名待ち contract's signer (as printed) opens the signing dialog with their key and places the seal. */
        private void signingDialog() throws Exception {
            DemoServer.Awaiting awaiting = demo.awaiting().stream()
                    .filter(a -> demo.login(a.userId()).signs()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the demo printout names no signer with a key"));
            DemoServer.Login signer = demo.login(awaiting.userId());
            press("#logoutButton");
            await("the login screen after logout", () -> find("#loginButton") != null);
            type("#userId", signer.userId());
            type("#password", signer.password());
            login();
            section(Section.CONTRACTS);
            openNumbered(awaiting.number());
            await("署名する is enabled for the signer", () -> find("#signContractButton") instanceof ButtonBase b
                    && !b.isDisabled());
            press("#signContractButton");
            Parent dialog = window("contracts.window.signing");
            Fx.run(() -> dialog.getScene().getWindow().setHeight(LAPTOP_VISUAL_HEIGHT));
            press(dialog, "#fileRadio");
            nextFile.set(signer.p12());
            press(dialog, "#fileButton");
            type(dialog, "#pinField", signer.pin());
            ImageView page = await("the seal placement shows the page", () ->
                    lookupIn(dialog, "#pageImage") instanceof ImageView v && v.getImage() != null
                            && v.getBoundsInLocal().getWidth() > 10 ? v : null);
            Fx.run(() -> {
                double x = page.getBoundsInLocal().getWidth() * 0.7;
                double y = page.getBoundsInLocal().getHeight() * 0.8;
                Event.fireEvent(page, mouseClick(x, y));
                if (lookupIn(dialog, "#pageScroll") instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.setVvalue(0.8);
                }
            });
            await("the seal is placed and 署名 is enabled", () -> lookupIn(dialog, "#signButton") instanceof ButtonBase b
                    && !b.isDisabled());
            shoot("signing", dialog.getScene());
            Fx.run(() -> ((Stage) dialog.getScene().getWindow()).close());
            if (wants("bulk-signing")) {
                press("#bulkSignButton");
                Parent bulk = window("bulk.window");
                Fx.run(() -> bulk.getScene().getWindow().setHeight(LAPTOP_VISUAL_HEIGHT));
                await("一括署名 lists the contracts waiting on the signer", () -> lookupIn(bulk, "#bulkTable")
                        instanceof TableView<?> t && !t.getItems().isEmpty());
                press(bulk, "#fileRadio");
                nextFile.set(signer.p12());
                press(bulk, "#fileButton");
                shoot("bulk-signing", bulk.getScene());
                Fx.run(() -> ((Stage) bulk.getScene().getWindow()).close());
            }
        }

        private void adminTab(String tabId, String table, String name) throws Exception {
            if (!wants(name)) {
                return;
            }
            Tab tab = await("the admin tab " + tabId, () -> tab(tabId));
            Fx.run(() -> tab.getTabPane().getSelectionModel().select(tab));
            await(name + " shows rows", () -> tab.getContent() != null
                    && tab.getContent().lookup(table) instanceof TableView<?> t && !t.getItems().isEmpty());
            shoot(name, stage.getScene());
        }

        private void login() throws Exception {
            press("#loginButton");
            await("the main window is online", () -> find("#onlineLabel") != null
                    && texts.getString("status.online").equals(text("#onlineLabel")));
            await("the first sync is done", () -> texts.getString("status.pending.none")
                    .equals(text(".status-bar #pendingLabel")));
        }

        private void section(Section section) throws Exception {
            Fx.run(() -> shell().mainViewModel().selectedSectionProperty().set(section));
        }

        private AppShell shell() {
            AppShell shell = flow.shell();
            if (shell == null) {
                throw new IllegalStateException("not logged in");
            }
            return shell;
        }

        private long statuses() {
            return rows().stream().map(ContractRow::state).distinct().count();
        }

        @SuppressWarnings("unchecked")
        private List<ContractRow> rows() {
            return find("#table") instanceof TableView<?> t ? List.copyOf((List<ContractRow>) t.getItems()) : List.of();
        }

        /** Opens a contract in {@code status}, an 注文書 (two parties' signatures when completed) if there is one. */
        private void open(ContractStatus status) throws Exception {
            ContractRow row = await("a contract " + status + " in the list", () -> rows().stream()
                    .filter(r -> r.state() == status)
                    .sorted(java.util.Comparator.comparing((ContractRow r) -> !r.title().startsWith("注文書")))
                    .findFirst().orElse(null));
            select(row);
        }

        private void openNumbered(String number) throws Exception {
            select(await("the contract " + number + " in the list", () -> rows().stream()
                    .filter(r -> number.equals(r.number())).findFirst().orElse(null)));
        }

        @SuppressWarnings("unchecked")
        private void select(ContractRow row) throws Exception {
            TableView<ContractRow> table = (TableView<ContractRow>) find("#table");
            Fx.run(() -> {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            });
            await("the detail of " + row.title(), () -> text("#heading").contains(row.title()));
        }

        private boolean previewShown() {
            return find("#previewArea #pageImage") instanceof ImageView v && v.getImage() != null
                    && !visible("#previewArea #loadingIndicator");
        }

        private Tab tab(String id) {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.isShowing() && w.getScene() != null) {
                    for (Node n : w.getScene().getRoot().lookupAll(".tab-pane")) {
                        for (Tab t : ((TabPane) n).getTabs()) {
                            if (id.equals(t.getId())) {
                                return t;
                            }
                        }
                    }
                }
            }
            return null;
        }

        private void selectTab(String id) throws Exception {
            Tab tab = await("the tab " + id, () -> tab(id));
            Fx.run(() -> tab.getTabPane().getSelectionModel().select(tab));
        }

        private void selectTabWithText(String text) throws Exception {
            Tab tab = await("the tab " + text, () -> {
                for (Node n : stage.getScene().getRoot().lookupAll(".tab-pane")) {
                    for (Tab t : ((TabPane) n).getTabs()) {
                        if (text.equals(t.getText())) {
                            return t;
                        }
                    }
                }
                return null;
            });
            Fx.run(() -> tab.getTabPane().getSelectionModel().select(tab));
        }

        private boolean wants(String name) {
            return only.contains(name + "-" + language.code());
        }

        private void shoot(String name, Scene scene) throws Exception {
            String file = name + "-" + language.code();
            if (!only.contains(file)) {
                return;
            }
            Fx.nextPulse(scene);
            Thread.sleep(300); // let images and the last layout draw; a picture for people, not a measurement
            Fx.nextPulse(scene);
            Path png = out.resolve(file + ".png");
            Fx.snapshot(scene, png);
            long colours = distinctColours(png);
            if (colours < 16) {
                throw new IllegalStateException(file + " came out blank (" + colours + " colours)");
            }
            written.add(png);
        }

        // --- finding and driving nodes, always on the JavaFX thread ---

        private Node find(String selector) {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.isShowing() && w.getScene() != null) {
                    Node n = w.getScene().getRoot().lookup(selector);
                    if (n != null) {
                        return n;
                    }
                }
            }
            return null;
        }

        /** Scrolls the window's scroll pane so that {@code node} is at the top. */
        private static void scrollTo(Parent root, Node node) throws Exception {
            Fx.run(() -> {
                root.applyCss();
                root.layout();
                if (root.lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane pane
                        && pane.getContent() != null) {
                    double y = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    double room = pane.getContent().getBoundsInLocal().getHeight()
                            - pane.getViewportBounds().getHeight();
                    pane.setVvalue(room <= 0 ? 0 : Math.min(1, (y - 8) / room));
                }
            });
        }

        private static Node lookupIn(Parent root, String selector) {
            return root.lookup(selector);
        }

        private boolean visible(String selector) {
            Node n = find(selector);
            return n != null && n.isVisible();
        }

        private String text(String selector) {
            Node n = find(selector);
            if (n instanceof Label l) {
                return l.getText() == null ? "" : l.getText();
            }
            if (n instanceof TextInputControl t) {
                return t.getText();
            }
            return "";
        }

        private Parent window(String titleKey) throws Exception {
            String title = texts.getString(titleKey);
            return await("the window " + title, () -> {
                for (Window w : List.copyOf(Window.getWindows())) {
                    if (w instanceof Stage s && s.isShowing() && title.equals(s.getTitle())) {
                        return s.getScene().getRoot();
                    }
                }
                return null;
            });
        }

        private void type(String selector, String value) throws Exception {
            TextInputControl field = await(selector, () -> find(selector) instanceof TextInputControl t ? t : null);
            Fx.run(() -> {
                field.requestFocus();
                field.setText(value);
            });
        }

        private void type(Parent root, String selector, String value) throws Exception {
            TextInputControl field = await(selector, () -> root.lookup(selector) instanceof TextInputControl t
                    ? t : null);
            Fx.run(() -> {
                field.requestFocus();
                field.setText(value);
            });
        }

        private void press(String selector) throws Exception {
            ButtonBase b = await(selector + " enabled", () -> find(selector) instanceof ButtonBase x && !x.isDisabled()
                    ? x : null);
            Fx.run(b::fire);
        }

        private void press(Parent root, String selector) throws Exception {
            ButtonBase b = await(selector + " enabled", () -> root.lookup(selector) instanceof ButtonBase x
                    && !x.isDisabled() ? x : null);
            Fx.run(b::fire);
        }

        private static void click(Node node) throws Exception {
            Fx.run(() -> Event.fireEvent(node, mouseClick(5, 5)));
        }

        private static MouseEvent mouseClick(double x, double y) {
            return new MouseEvent(MouseEvent.MOUSE_CLICKED, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false,
                    false, true, false, false, true, false, true, null);
        }

        @SuppressWarnings("unused")
        private static <T> void choose(ComboBoxBase<T> box, T value) throws Exception {
            Fx.run(() -> box.setValue(value));
        }

        /**
         * Polls {@code probe} on the JavaFX thread until it gives true or a value; a screen that does not come
         * is an error naming it.
         */
        @SuppressWarnings("unchecked")
        private static <T> T await(String what, Callable<T> probe) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                Object v = Fx.call(() -> {
                    try {
                        return probe.call();
                    } catch (RuntimeException e) {
                        return null;
                    }
                });
                if (v != null && !Boolean.FALSE.equals(v)) {
                    return (T) v;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("screen not reached in " + TIMEOUT_SECONDS + " s: " + what);
                }
                Thread.sleep(50);
            }
        }

        void close() throws Exception {
            if (stage != null) {
                Fx.run(() -> {
                    for (Window w : List.copyOf(Window.getWindows())) {
                        if (w instanceof Stage s && !before.contains(w)) {
                            s.close();
                        }
                    }
                });
            }
            if (flow != null) {
                flow.close();
            }
            if (renderer != null) {
                renderer.close();
            }
        }
    }

    static long distinctColours(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
                if (colours.size() > 4096) {
                    return colours.size();
                }
            }
        }
        return colours.size();
    }
}
