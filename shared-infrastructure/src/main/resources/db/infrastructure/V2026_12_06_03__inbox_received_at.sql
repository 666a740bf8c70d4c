-- What retention reads: the inbox rows older than the inbox retention, a batch at a time.
CREATE INDEX inbox_received_at ON inbox (received_at);
