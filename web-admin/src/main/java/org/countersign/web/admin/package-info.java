/** The Admin portal's Faces beans. They hold no business rules: every decision is an {@code ejb} service behind an {@code api} interface. */
package org.countersign.web.admin;
