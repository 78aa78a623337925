package jp.sitesign.desktop.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The user in front of the dialogs, for view-model tests: answers each question with the next scripted
 * answer and records what was asked. A question without a scripted answer fails the test, so a view model
 * that asks more (or less) than it should is caught. A UI seam, not a stand-in for the store or the server.
 */
public final class ScriptedDialogs implements DialogService {
    private final Deque<Optional<?>> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    /** The next yes-or-no question is answered {@code yes}. */
    public ScriptedDialogs confirm(boolean yes) {
        answers.add(Optional.of(yes));
        return this;
    }

    /** The next text question is answered {@code text}; null cancels it. */
    public ScriptedDialogs type(String text) {
        answers.add(Optional.ofNullable(text));
        return this;
    }

    /** The next file or folder question is answered {@code file}; null cancels it. */
    public ScriptedDialogs choose(Path file) {
        answers.add(Optional.ofNullable(file));
        return this;
    }

    /** What was asked or shown, in order: a question's text, a text question's header, a chooser's title. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** The yes-or-no questions asked, in order. */
    public List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public boolean confirm(Question question) {
        questions.add(question);
        asked.add(question.text());
        return (Boolean) next().orElseThrow();
    }

    /**
     * A question with a reason: answered by the next {@link #type} (null cancels it), recorded as a question and
     * by its text.
     */
    @Override
    public Optional<String> confirmWithReason(Question question, String reasonLabel, String reasonRequired) {
        questions.add(question);
        asked.add(question.text());
        return next().map(String.class::cast);
    }

    @Override
    public Optional<String> askText(String title, String header, String confirm, String cancel) {
        asked.add(header);
        return next().map(String.class::cast);
    }

    @Override
    public void inform(String title, String text) {
        asked.add(text);
    }

    @Override
    public Optional<Path> openFile(String title, List<FileKind> kinds) {
        asked.add(title);
        return next().map(Path.class::cast);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, FileKind kind) {
        asked.add(title);
        return next().map(Path.class::cast);
    }

    @Override
    public Optional<Path> openFile(String title, List<FileKind> kinds, Path folder) {
        folders.add(folder);
        return openFile(title, kinds);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, FileKind kind, Path folder) {
        folders.add(folder);
        return saveFile(title, initialName, kind);
    }

    /** The folders the file choosers that name one were asked to start in, in order (null: none named). */
    public List<Path> folders() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(folders));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        asked.add(title);
        return next().map(Path.class::cast);
    }

    private Optional<?> next() {
        if (answers.isEmpty()) {
            throw new AssertionError("asked without a scripted answer; asked so far: " + asked);
        }
        return answers.poll();
    }
}
