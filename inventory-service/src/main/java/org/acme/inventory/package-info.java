/**
 * The inventory bounded context: how much of each product is on hand and reserved for orders. It
 * follows the catalog's products, reserves stock for placed orders (all lines or none), and
 * publishes StockAdjusted, StockReserved, ReserveStockRejected and StockReleased.
 */
package org.acme.inventory;
