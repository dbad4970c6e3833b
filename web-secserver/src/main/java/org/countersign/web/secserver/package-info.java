/** SecServer: the JSON API for agents and phone apps (authenticate, push, device enrolment). Resources map JSON to {@code api} services and hold no business rules. */
package org.countersign.web.secserver;
