-- Orders inventory heard were cancelled or shipped: a placement that arrives after its order's end
-- (redriven from the DLQ, replayed) reserves nothing.
CREATE TABLE closed_orders (
    order_id  uuid PRIMARY KEY,
    closed_by text        NOT NULL,
    closed_at timestamptz NOT NULL DEFAULT now()
);
