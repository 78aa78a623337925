package jp.sitesign.desktop.settings;

import java.io.UncheckedIOException;
import java.util.Optional;
import jp.sitesign.desktop.ui.ColumnMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's column layouts, kept with this computer's settings ({@code settings.properties}) under the user's id,
 * so another user of the same computer keeps their own.
 */
public final class UserColumns implements ColumnMemory.Store {
    private static final Logger LOG = LoggerFactory.getLogger(UserColumns.class);
    private final Settings settings;
    private final SettingsFile file;
    private final String userId;

    public UserColumns(Settings settings, SettingsFile file, String userId) {
        this.settings = settings;
        this.file = file;
        this.userId = userId;
    }

    @Override
    public Optional<String> load(String table) {
        return Optional.ofNullable(settings.columnLayouts().get(Settings.layoutKey(userId, table)));
    }

    @Override
    public void save(String table, String layout) {
        settings.columnLayouts().put(Settings.layoutKey(userId, table), layout);
        try {
            file.save(settings);
        } catch (UncheckedIOException e) {
            // The layout still holds for this session; only the next start would not see it.
            LOG.warn("the column layout could not be saved", e);
        }
    }
}
