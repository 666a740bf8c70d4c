/** The integration events the orders context publishes. */
package org.acme.integrationevents.orders;
