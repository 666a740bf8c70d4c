/**
 * The catalog bounded context: what can be sold, at what price. It owns products and publishes
 * ProductAdded, ProductUpdated and ProductRemoved for the other contexts.
 */
package org.acme.catalog;
