/**
 * Settings: named values that configure an installation. A GLOBAL setting is shared by every
 * server of an installation (and later replicated through SecRep); a LOCAL one belongs to this
 * server only. Keys are dotted lower-case names such as {@code otp.window}.
 */
package org.countersign.api.settings;
