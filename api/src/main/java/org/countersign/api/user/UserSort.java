package org.countersign.api.user;

/** Columns a user search can be ordered by; the user id breaks ties so pages never overlap. */
public enum UserSort {
    LOGIN,
    DISPLAY_NAME,
    MAIL,
    DIRECTORY
}
