package jp.sitesign.desktop.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.sitesign.desktop.store.LocalStores;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notices list and its unread count on a real local store, without the toolkit or a server. */
class NoticesViewModelTest {
    static final Instant T = Instant.parse("2026-04-01T00:00:00Z");

    @TempDir
    Path home;
    StoreSession store;
    final AtomicInteger syncsAsked = new AtomicInteger();

    @BeforeEach
    void open() {
        store = new LocalStores(home).openOnline("https://sitesign.example:8443", new UserId("U00000101"),
                new CompanyId("C00000001"), "Correct-Horse-42".toCharArray()).session();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void serverSends(long checkpoint, NoticeView... notices) {
        store.apply(new ChangePage(java.util.Arrays.stream(notices).map(n -> Change.of(n, n.id())).toList(),
                checkpoint, false, false));
    }

    private static NoticeView notice(long id, NoticeCategory category, String title, Instant at, boolean read) {
        return new NoticeView(id, category, category.labelJa(), title, title + "の本文", at, read);
    }

    @Test
    void noticesAreListedNewestFirstWithTheCategoryInTheChosenLanguageAndTheDateInJst() {
        serverSends(2, notice(1, NoticeCategory.MAINTENANCE, "定期メンテナンスのお知らせ", T, true),
                notice(2, NoticeCategory.FUNCTION_CHANGE, "検索機能を改善しました", T.plusSeconds(3600), false));

        NoticesViewModel ja = new NoticesViewModel(store, syncsAsked::incrementAndGet, I18n.bundle(Language.JA));
        assertThat(ja.notices()).extracting(NoticeItem::title)
                .containsExactly("検索機能を改善しました", "定期メンテナンスのお知らせ");
        assertThat(ja.notices().get(0).category()).isEqualTo("機能変更");
        assertThat(ja.notices().get(0).date()).isEqualTo("2026/04/01 10:00");
        assertThat(ja.unreadProperty().get()).isEqualTo(1);

        NoticesViewModel en = new NoticesViewModel(store, syncsAsked::incrementAndGet, I18n.bundle(Language.EN));
        assertThat(en.notices().get(1).category()).isEqualTo("Maintenance");
    }

    @Test
    void openingAnUnreadNoticeQueuesTheReadMarkAsksForASyncAndCountsItReadAtOnce() {
        serverSends(1, notice(7, NoticeCategory.INCIDENT, "障害が復旧しました", T, false));
        NoticesViewModel vm = new NoticesViewModel(store, syncsAsked::incrementAndGet, I18n.bundle(Language.JA));
        assertThat(vm.unreadProperty().get()).isEqualTo(1);

        vm.open(vm.notices().get(0));

        List<OutboxEntry> queued = store.outbox().pending();
        assertThat(queued).hasSize(1);
        assertThat(queued.get(0).command().type()).isEqualTo(CommandType.MARK_NOTICE_READ);
        assertThat(queued.get(0).command().entityId()).isEqualTo("7");
        assertThat(syncsAsked).hasValue(1);
        assertThat(vm.unreadProperty().get()).isZero();
        assertThat(vm.openedProperty().get().title()).isEqualTo("障害が復旧しました");
    }

    @Test
    void openingAReadNoticeQueuesNothing() {
        serverSends(1, notice(3, NoticeCategory.GENERAL, "年末年始の営業について", T, true));
        NoticesViewModel vm = new NoticesViewModel(store, syncsAsked::incrementAndGet, I18n.bundle(Language.JA));
        vm.open(vm.notices().get(0));
        assertThat(store.outbox().pending()).isEmpty();
        assertThat(syncsAsked).hasValue(0);
    }

    @Test
    void aNoticePublishedLaterAppearsUnreadAfterTheNextRefresh() {
        NoticesViewModel vm = new NoticesViewModel(store, syncsAsked::incrementAndGet, I18n.bundle(Language.JA));
        assertThat(vm.notices()).isEmpty();
        serverSends(1, notice(9, NoticeCategory.MAINTENANCE, "臨時メンテナンス", T, false));
        vm.refresh();
        assertThat(vm.notices()).hasSize(1);
        assertThat(vm.unreadProperty().get()).isEqualTo(1);
    }
}
