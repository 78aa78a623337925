package jp.sitesign.desktop.help;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The help window's state: the manual's chapters and the one shown. */
public final class HelpViewModel {
    private final Manual manual;
    private final ObservableList<Manual.Chapter> chapters;
    private final ObjectProperty<Manual.Chapter> shown = new SimpleObjectProperty<>(this, "shown");

    public HelpViewModel(Manual manual) {
        this.manual = manual;
        this.chapters = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(manual.chapters()));
        if (!chapters.isEmpty()) {
            shown.set(chapters.get(0));
        }
    }

    /** Shows the chapter {@code id}; an unknown id leaves the chapter shown as it is. */
    public void open(String id) {
        manual.chapter(id).ifPresent(shown::set);
    }

    public ObservableList<Manual.Chapter> chapters() {
        return chapters;
    }

    public ObjectProperty<Manual.Chapter> shownProperty() {
        return shown;
    }
}
