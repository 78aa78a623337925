package jp.sitesign.model.sync;

/** The kinds of entity the change feed carries. */
public enum EntityType {
    CONTRACT,
    USER,
    PARTNERSHIP,
    NOTICE
}
