package org.acme.inventory.reservations;

import java.util.List;

/**
 * What inventory knows of an order when its placement arrives: whether it heard the order end, and
 * the stock the order already holds (a placement seen before).
 */
public record KnownOrder(boolean closed, List<HeldStock> held) {
}
