package jp.sitesign.desktop.main;

/** The places the navigation pane leads to, in the order shown. */
public enum Section {
    CONTRACTS("nav.contracts"),
    DOCUMENTS("nav.documents"),
    NOTICES("nav.notices"),
    ADMIN("nav.admin"),
    SETTINGS("nav.settings");

    private final String textKey;

    Section(String textKey) {
        this.textKey = textKey;
    }

    /** The message key of the section's name. */
    public String textKey() {
        return textKey;
    }
}
