-- Stock levels as the API shows them, kept by StockLevelsProjection with the events.
CREATE TABLE stock_levels (
    product_id   uuid PRIMARY KEY,
    name         text,
    on_hand      integer NOT NULL,
    reserved     integer NOT NULL,
    discontinued boolean NOT NULL,
    version      bigint  NOT NULL
);

-- Which stock items hold how much for which order, kept by ReservationsProjection.
CREATE TABLE reservations (
    order_id   uuid    NOT NULL,
    product_id uuid    NOT NULL,
    quantity   integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
