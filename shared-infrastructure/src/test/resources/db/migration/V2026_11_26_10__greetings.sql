-- The read model of the test subscriber.
CREATE TABLE greetings (
    name  text PRIMARY KEY,
    count int NOT NULL
);
