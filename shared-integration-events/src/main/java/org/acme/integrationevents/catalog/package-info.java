/** The integration events the catalog publishes: the catalog's part of the published language. */
package org.acme.integrationevents.catalog;
