-- The catalog's read model of its products, kept by ProductCatalogProjection in the transaction
-- that appends the events.
CREATE TABLE product_catalog (
    id             uuid PRIMARY KEY,
    name           text          NOT NULL,
    description    text,
    price          numeric(12, 2) NOT NULL,
    cost           numeric(12, 2),
    supplier       text,
    internal_notes text,
    category       text,
    removed        boolean       NOT NULL,
    version        bigint        NOT NULL
);

CREATE INDEX product_catalog_active_by_name ON product_catalog (name) WHERE NOT removed;
