/**
 * The orders bounded context: customers' orders and their life from PENDING to SHIPPED. It keeps a
 * local view of the catalog's products (prices come from there), publishes OrderPlaced,
 * OrderCancelled and OrderShipped, and follows inventory's answer to each order.
 */
package org.acme.orders;
