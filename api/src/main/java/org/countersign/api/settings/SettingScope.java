package org.countersign.api.settings;

/** Whether a setting is shared by every server of an installation or belongs to one server. */
public enum SettingScope {
    /** Shared by every server of the installation; replicated. */
    GLOBAL,
    /** This server only; never replicated. */
    LOCAL
}
