/** The temporary code of a lost token: valid for a set number of days or uses. */
package org.countersign.token.type.temporary;
