package jp.sitesign.desktop.admin;

import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import jp.sitesign.desktop.ui.DialogService;
import jp.sitesign.desktop.ui.ViewLoader;

/**
 * The 管理 section: a tab per admin screen. Without a logged-in session there is nothing to manage
 * online, and the section says so instead of failing.
 */
public final class AdminView {
    private static final ExecutorService CALLS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitesign-admin");
        t.setDaemon(true);
        return t;
    });

    private final AdminClient client;
    private final Executor ui;
    private final ResourceBundle bundle;
    private DialogService dialogs;
    private jp.sitesign.desktop.ui.DateDisplay dates =
            jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.SEIREKI);

    @FXML
    private TabPane tabs;
    @FXML
    private Tab usersTab;
    @FXML
    private Tab certificatesTab;
    @FXML
    private Tab applicationsTab;
    @FXML
    private Tab partnershipsTab;
    @FXML
    private Tab apiTab;
    @FXML
    private Tab auditTab;

    /** {@code client} is null when nobody is logged in. */
    private AuditTexts.Directory names = AuditTexts.Directory.NONE;

    public AdminView(AdminClient client, Executor ui, ResourceBundle bundle) {
        this.client = client;
        this.ui = ui;
        this.bundle = bundle;
    }

    /** Shows the audit log's times through {@code display} (the settings' date style). */
    /** Where the screens ask before deleting or withdrawing (the main window's dialogs). */
    public AdminView dialogs(DialogService service) {
        this.dialogs = service;
        return this;
    }

    public AdminView dates(jp.sitesign.desktop.ui.DateDisplay display) {
        this.dates = display;
        return this;
    }

    /** Where the audit log names contracts, partners and their people from (this computer's store). */
    public AdminView names(AuditTexts.Directory directory) {
        this.names = directory == null ? AuditTexts.Directory.NONE : directory;
        return this;
    }

    /** {@link #section(AdminClient, Executor, ResourceBundle, jp.sitesign.desktop.ui.DateDisplay, DialogService)}, naming from {@code names}. */
    public static Node section(AdminClient client, Executor ui, ResourceBundle bundle,
                               jp.sitesign.desktop.ui.DateDisplay dates, DialogService dialogs,
                               AuditTexts.Directory names) {
        if (client == null) {
            return section(null, ui, bundle, dates, dialogs);
        }
        return new AdminView(client, ui, bundle).dates(dates).dialogs(dialogs).names(names).load();
    }

    /** The 管理 section, or a placeholder offline; questions are asked through {@code dialogs}. */
    public static Node section(AdminClient client, Executor ui, ResourceBundle bundle,
                               jp.sitesign.desktop.ui.DateDisplay dates, DialogService dialogs) {
        if (client == null) {
            Label offline = new Label(bundle.getString("admin.onlineOnly"));
            offline.getStyleClass().add("placeholder");
            return offline;
        }
        return new AdminView(client, ui, bundle).dates(dates).dialogs(dialogs).load();
    }

    public Parent load() {
        return ViewLoader.load(this, bundle);
    }

    @FXML
    private void initialize() {
        UsersViewModel users = new UsersViewModel(client, new AdminTasks(CALLS, ui, bundle).dialogs(dialogs));
        usersTab.setContent(new UsersView(users, bundle).load());
        users.refresh();
        CertificatesViewModel certificates = new CertificatesViewModel(client, tasks(), java.time.Clock.systemUTC());
        certificatesTab.setContent(new CertificatesView(certificates, bundle).load());
        onSelection(certificatesTab, certificates::refresh);
        CertificateApplicationsViewModel applications = new CertificateApplicationsViewModel(client, tasks());
        applicationsTab.setContent(new CertificateApplicationsView(applications, bundle).load());
        onSelection(applicationsTab, applications::refresh);
        PartnershipsViewModel partnerships = new PartnershipsViewModel(client, tasks());
        partnershipsTab.setContent(new PartnershipsView(partnerships, bundle).load());
        onSelection(partnershipsTab, partnerships::refresh);
        ApiApplicationsViewModel api = new ApiApplicationsViewModel(new IntegrationClient(client), tasks());
        apiTab.setContent(new ApiApplicationsView(api, bundle).load());
        onSelection(apiTab, api::refresh);
        // Users are shown again on return: a binding made on the certificates tab changes their 署名権限.
        usersTab.setOnSelectionChanged(e -> {
            if (usersTab.isSelected()) {
                users.refresh();
            }
        });
        AuditViewModel audit = new AuditViewModel(client, new AdminTasks(CALLS, ui, bundle)).dates(dates).names(names);
        auditTab.setContent(new AuditView(audit, bundle).load());
        auditTab.setOnSelectionChanged(e -> {
            if (auditTab.isSelected() && audit.events().isEmpty()) {
                audit.search();
            }
        });
    }

    private AdminTasks tasks() {
        return new AdminTasks(CALLS, ui, bundle).dates(dates).dialogs(dialogs);
    }

    /** Loads a tab's data each time it is opened, so what another tab changed is seen. */
    private static void onSelection(Tab tab, Runnable load) {
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                load.run();
            }
        });
    }
}
