package org.acme.orders.order;

/** Where an order is in its life. */
public enum OrderStatus {
    /** Placed; waiting for inventory to reserve its stock. */
    PENDING,
    /** Every line is reserved; it can ship. */
    CONFIRMED,
    /** Inventory could not reserve every line. */
    REJECTED,
    /** Cancelled before it shipped. */
    CANCELLED,
    /** It left the warehouse. */
    SHIPPED
}
