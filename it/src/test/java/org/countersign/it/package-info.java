/**
 * System tests: each class deploys the EAR that Maven built onto the WildFly this module unpacked
 * and configured (own ports: see the module's pom), and drives it as its users do: radclient,
 * HTTP, or from inside the server for what only the server can see.
 */
package org.countersign.it;
