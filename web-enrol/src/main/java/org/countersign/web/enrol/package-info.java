/** The Manage My Token portal's Faces beans: enrolment, moving to a new phone, secret questions. No business rules here. */
package org.countersign.web.enrol;
