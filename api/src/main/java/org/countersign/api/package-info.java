/**
 * The contracts every Countersign module compiles against: {@code @Local} service interfaces,
 * immutable records and exceptions. This jar lives in the EAR's {@code lib/} so that the EJB
 * module, the resource adapter, the WARs and the batch jar all load one copy of each class.
 * Nothing here holds state or business rules.
 */
package org.countersign.api;
