package jp.sitesign.desktop.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a screen asks the user something in a window of its own: a question before what cannot be undone, a
 * comment, a file, a folder, or an information box. One implementation ({@link FxDialogService}) makes every
 * such window, owned by the window it was asked from and with the app's stylesheet; view models receive this
 * interface and ask it, so they never build a window, and their tests answer through a scripted one.
 * (JabRef's {@code DialogService} is the model.)
 */
public interface DialogService {

    /** The sign a question carries: a warning for what removes something, a question mark otherwise. */
    enum Tone {
        WARNING, QUESTION
    }

    /**
     * A yes-or-no question.
     *
     * @param tone    its sign
     * @param title   the window's title
     * @param header  the heading above the text; null for none
     * @param text    what is asked, saying what follows
     * @param confirm the label of the button that goes ahead
     * @param cancel  the label of the button that does nothing
     * @param id      the dialog pane's id (how tests find it); null for none
     * @param cancelByDefault whether Enter chooses the cancel button (before what cannot be undone: 取消, 辞退,
     *                deleting a draft), so a hurried Enter does nothing; Escape always cancels
     */
    record Question(Tone tone, String title, String header, String text, String confirm, String cancel, String id,
            boolean cancelByDefault) {

        /** A question whose confirm button is the default. */
        public Question(Tone tone, String title, String header, String text, String confirm, String cancel,
                String id) {
            this(tone, title, header, text, confirm, cancel, id, false);
        }
    }

    /** What files a chooser offers: what they are called ("PDF ファイル") and their patterns ("*.pdf"). */
    record FileKind(String name, List<String> patterns) {
        public FileKind {
            patterns = List.copyOf(patterns);
        }

        public static FileKind of(String name, String... patterns) {
            return new FileKind(name, List.of(patterns));
        }
    }

    /** Asks {@code question} and waits; true only when the user chose its confirm button. */
    boolean confirm(Question question);

    /**
     * Asks {@code question} together with a reason the user must give (取消, 辞退, 差戻し), and waits. The confirm
     * button does not close the window while the reason is blank; it says {@code reasonRequired} instead.
     *
     * @param reasonLabel    the label above the reason's field
     * @param reasonRequired what is said when the reason is left blank
     * @return the reason (not blank) when the user confirmed; empty when they cancelled
     */
    Optional<String> confirmWithReason(Question question, String reasonLabel, String reasonRequired);

    /**
     * Asks for a line of text and waits.
     *
     * @return the text; empty when the user cancelled
     */
    Optional<String> askText(String title, String header, String confirm, String cancel);

    /** Shows {@code text} in an information box with an OK button; does not wait for it to be closed. */
    void inform(String title, String text);

    /**
     * Asks for a file to open and waits.
     *
     * @param kinds the filters offered, the first chosen; none for any file
     * @return the chosen file; empty when the user cancelled
     */
    Optional<Path> openFile(String title, List<FileKind> kinds);

    /**
     * Asks where to save and waits.
     *
     * @return the chosen file; empty when the user cancelled
     */
    Optional<Path> saveFile(String title, String initialName, FileKind kind);

    /**
     * Asks for a file to open, starting in {@code folder} (the last one used; null: the platform's choice).
     * An implementation that cannot start anywhere in particular asks as {@link #openFile(String, List)}.
     */
    default Optional<Path> openFile(String title, List<FileKind> kinds, Path folder) {
        return openFile(title, kinds);
    }

    /** Asks where to save, starting in {@code folder} (the last one used; null: the platform's choice). */
    default Optional<Path> saveFile(String title, String initialName, FileKind kind, Path folder) {
        return saveFile(title, initialName, kind);
    }

    /**
     * Asks for a folder and waits.
     *
     * @return the chosen folder; empty when the user cancelled
     */
    Optional<Path> chooseFolder(String title);
}
