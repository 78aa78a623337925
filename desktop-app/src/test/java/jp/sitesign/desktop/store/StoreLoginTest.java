package jp.sitesign.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in to the local store: online creates or opens it, offline needs the same password, a password
 * change touches only the key file, a password changed elsewhere sets the old store aside without losing
 * its unsent commands, and nothing in the folder is readable without the password.
 */
class StoreLoginTest {
    private static final String PASSWORD = "Genba-Pass-2026";

    @TempDir
    Path home;

    private LocalStores stores() {
        return new LocalStores(home);
    }

    private static SiteSignException failure(Runnable r) {
        try {
            r.run();
        } catch (SiteSignException e) {
            return e;
        }
        throw new AssertionError("no SiteSignException");
    }

    @Test
    void afterOneOnlineLoginTheSamePasswordOpensTheStoreOffline() {
        OnlineLogin first = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN, PASSWORD.toCharArray());
        assertThat(first.kind()).isEqualTo(OnlineLogin.Kind.CREATED);
        try (StoreSession s = first.session()) {
            s.apply(TestStores.page(17, Change.of(TestStores.contract("k1", "外壁改修", 1), 17)));
        }

        try (StoreSession offline = stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                PASSWORD.toCharArray())) {
            assertThat(offline.checkpoint()).isEqualTo(17);
            assertThat(offline.company()).isEqualTo(TestStores.OWN);
            assertThat(offline.contracts().current("k1")).get().extracting(c -> c.current().title())
                    .isEqualTo("外壁改修");
        }
        OnlineLogin again = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN, PASSWORD.toCharArray());
        again.session().close();
        assertThat(again.kind()).isEqualTo(OnlineLogin.Kind.OPENED);
    }

    @Test
    void aKeyUnwrappedAheadOpensItsOwnStoreOnlyAndAWrongPasswordUnwrapsNothing() {
        stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN, PASSWORD.toCharArray()).session().close();
        assertThat(stores().unlockAhead(TestStores.SERVER, "U00000198", PASSWORD.toCharArray()))
                .as("no store here for that user").isNull();
        assertThat(stores().unlockAhead(TestStores.SERVER, TestStores.ME.value(), "wrong".toCharArray())).isNull();

        LocalStores.Unlocked ahead = stores().unlockAhead(TestStores.SERVER, TestStores.ME.value(),
                PASSWORD.toCharArray());
        assertThat(ahead).isNotNull();
        OnlineLogin opened = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN,
                PASSWORD.toCharArray(), ahead);
        opened.session().close();
        assertThat(opened.kind()).isEqualTo(OnlineLogin.Kind.OPENED);

        // A key unwrapped for one store is never used for another: that user's store opens with its own key.
        jp.sitesign.model.user.UserId other = new jp.sitesign.model.user.UserId("U00000199");
        stores().openOnline(TestStores.SERVER, other, TestStores.OWN, PASSWORD.toCharArray()).session().close();
        OnlineLogin otherOpened = stores().openOnline(TestStores.SERVER, other, TestStores.OWN,
                PASSWORD.toCharArray(), ahead);
        otherOpened.session().close();
        assertThat(otherOpened.kind()).isEqualTo(OnlineLogin.Kind.OPENED);
    }

    @Test
    void aWrongPasswordOfflineFailsWithAClearMessageAndNoStoreMeansLogInOnlineFirst() {
        SiteSignException missing = failure(() -> stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                PASSWORD.toCharArray()));
        assertThat(missing.code()).isEqualTo(ErrorCode.LOCAL_STORE_MISSING);
        assertThat(missing.messageJa()).contains("オンラインでログイン");

        stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN, PASSWORD.toCharArray()).session().close();
        SiteSignException wrong = failure(() -> stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                "Genba-Pass-2025".toCharArray()));
        assertThat(wrong.code()).isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED);
        assertThat(wrong.messageJa()).contains("パスワード");
        assertThat(wrong.messageEn()).contains("password");
        assertThat(failure(() -> stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                (PASSWORD + "\0").toCharArray())).code()).isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED);
    }

    @Test
    void aPasswordChangeRewrapsTheKeyWithoutRewritingTheDatabase() throws IOException {
        try (StoreSession s = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN,
                PASSWORD.toCharArray()).session()) {
            s.apply(TestStores.page(3, Change.of(TestStores.contract("k1", "内装工事", 1), 3)));
        }
        Path db = stores().location(TestStores.SERVER, TestStores.ME.value()).databaseFile();

        try (StoreSession s = stores().openOffline(TestStores.SERVER, TestStores.ME.value(), PASSWORD.toCharArray())) {
            // H2 itself writes on opening and closing (compaction); what matters is that the re-wrap does not.
            byte[] before = Files.readAllBytes(db);
            FileTime modified = Files.getLastModifiedTime(db);

            s.changePassword("Genba-Pass-2027".toCharArray());

            assertThat(Files.readAllBytes(db)).isEqualTo(before);
            assertThat(Files.getLastModifiedTime(db)).isEqualTo(modified);
        }

        assertThat(failure(() -> stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                PASSWORD.toCharArray())).code()).isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED);
        try (StoreSession s = stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                "Genba-Pass-2027".toCharArray())) {
            assertThat(s.checkpoint()).isEqualTo(3);
        }
    }

    @Test
    void aPasswordChangedElsewhereRebuildsTheStoreAndTheOldPasswordRecoversUnsentCommands() {
        Command edit = Command.editDraft("k1", 1, TestStores.draft("足場 架設 (offline edit)"));
        Command submit = Command.step(CommandType.SUBMIT, "k1", 2L);
        try (StoreSession s = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN,
                PASSWORD.toCharArray()).session()) {
            s.apply(TestStores.page(5, Change.of(TestStores.contract("k1", "足場 架設", 1), 5)));
            s.outbox().append(edit);
            s.outbox().append(submit);
        }

        OnlineLogin login = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN,
                "Changed-On-Web-1".toCharArray());
        try (StoreSession s = login.session()) {
            assertThat(login.kind()).isEqualTo(OnlineLogin.Kind.REPLACED);
            assertThat(login.setAside()).hasSize(1);
            assertThat(s.checkpoint()).as("a full sync follows").isZero();
            assertThat(s.outbox().all()).isEmpty();
            assertThat(s.setAsideStores()).containsExactlyElementsOf(login.setAside());

            assertThat(failure(() -> s.adoptSetAside("not-it".toCharArray())).code())
                    .isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED);
            assertThat(s.setAsideStores()).as("kept after a wrong old password").hasSize(1);

            assertThat(s.adoptSetAside(PASSWORD.toCharArray())).isEqualTo(2);
            assertThat(s.outbox().pending()).extracting(e -> e.command().id()).containsExactly(edit.id(), submit.id());
            assertThat(s.setAsideStores()).isEmpty();
        }
        try (StoreSession s = stores().openOffline(TestStores.SERVER, TestStores.ME.value(),
                "Changed-On-Web-1".toCharArray())) {
            assertThat(s.outbox().pending()).hasSize(2);
        }
    }

    @Test
    void theKeyFileAndTheFolderAreOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN, PASSWORD.toCharArray()).session().close();
        StoreLocation at = stores().location(TestStores.SERVER, TestStores.ME.value());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(at.keyFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(at.folder()))).isEqualTo("rwx------");
    }

    @Test
    void aKeyFileCopiedIntoAnotherUsersFolderDoesNotOpenIt() throws IOException {
        stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN, PASSWORD.toCharArray()).session().close();
        StoreLocation mine = stores().location(TestStores.SERVER, TestStores.ME.value());
        StoreLocation other = stores().location(TestStores.SERVER, "U00000999");
        Files.createDirectories(other.folder());
        Files.copy(mine.keyFile(), other.keyFile());
        Files.copy(mine.databaseFile(), other.databaseFile());

        assertThat(failure(() -> stores().openOffline(TestStores.SERVER, "U00000999", PASSWORD.toCharArray())).code())
                .isEqualTo(ErrorCode.LOCAL_LOGIN_FAILED);
    }

    @Test
    void nothingInTheFolderRevealsTheContentWithoutThePassword() throws IOException {
        String ascii = "zq" + UUID.randomUUID().toString().replace("-", "") + "x";
        String kanji = "秘匿鍵盤暗号堅牢城塞錠前金庫蔵宝";
        try (StoreSession s = stores().openOnline(TestStores.SERVER, TestStores.ME, TestStores.OWN,
                PASSWORD.toCharArray()).session()) {
            s.apply(TestStores.page(2, Change.of(TestStores.contract("k1", ascii + " " + kanji, 1), 1),
                    Change.of(new NoticeView(1, NoticeCategory.GENERAL, "一般", kanji, ascii, TestStores.T, false), 2)));
            s.outbox().append(Command.createDraft(UUID.randomUUID().toString(), TestStores.draft(kanji + ascii)));
            s.blobs().put((ascii + kanji).getBytes(StandardCharsets.UTF_8));
            // The control: the store itself returns the marker.
            assertThat(s.contracts().current("k1").orElseThrow().current().title()).contains(ascii);
        }

        List<String> leaks = new ArrayList<>();
        for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("Shift_JIS"), Charset.forName("EUC-JP"))) {
            for (String marker : List.of(ascii, kanji)) {
                leaks.addAll(filesContaining(home, marker.getBytes(cs)).stream().map(p -> p + " " + cs).toList());
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(filesIn(home)).as("the store and its key file are there to be searched").hasSizeGreaterThanOrEqualTo(2);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> filesContaining(Path dir, byte[] needle) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : filesIn(dir)) {
            byte[] data = Files.readAllBytes(f);
            outer:
            for (int i = 0; i + needle.length <= data.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                out.add(f);
                break;
            }
        }
        return out;
    }
}
