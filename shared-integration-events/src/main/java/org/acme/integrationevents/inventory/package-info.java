/** The integration events the inventory context publishes. */
package org.acme.integrationevents.inventory;
