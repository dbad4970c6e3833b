/** The Lost Token portal's Faces beans: secret questions and temporary codes. No business rules here. */
package org.countersign.web.losttoken;
