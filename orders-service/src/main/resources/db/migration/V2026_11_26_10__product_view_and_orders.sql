-- Orders' view of the catalog. A row may first come from inventory (availability) and get its name
-- and price when the catalog's event arrives; each side keeps the version it last applied.
CREATE TABLE product_view (
    product_id      uuid PRIMARY KEY,
    name            text,
    price           numeric(12, 2),
    removed         boolean NOT NULL,
    catalog_version bigint,
    available       integer,
    stock_version   bigint
);

-- Orders as the API shows them, kept by OrdersProjection with the events.
CREATE TABLE order_summaries (
    id          uuid PRIMARY KEY,
    customer_id uuid           NOT NULL,
    status      text           NOT NULL,
    lines       jsonb          NOT NULL,
    total       numeric(12, 2) NOT NULL,
    placed_at   timestamptz    NOT NULL,
    version     bigint         NOT NULL
);

CREATE INDEX order_summaries_by_placed_at ON order_summaries (placed_at DESC);
