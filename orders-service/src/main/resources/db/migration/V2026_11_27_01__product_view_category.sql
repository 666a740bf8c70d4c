-- ProductAdded and ProductUpdated version 2 carry the product's category.
ALTER TABLE product_view ADD COLUMN category text;
