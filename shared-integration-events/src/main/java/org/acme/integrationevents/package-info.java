/**
 * The published language between the bounded contexts: the envelope every integration event travels
 * in, and the contracts, one package per publisher. Plain Java and Jackson, no framework.
 */
package org.acme.integrationevents;
