-- Lab-session bookings on a factory partition, funded by an allocation. A booking holds GPUs over
-- its window (seats x GPUs per seat) and reserves the GPU-hours in the ledger.
CREATE TABLE lab_booking (
    id             CHAR(36)       NOT NULL,
    allocation_id  CHAR(36)       NOT NULL,
    partition_id   CHAR(36)       NOT NULL,
    starts_at      DATETIME(6)    NOT NULL,
    ends_at        DATETIME(6)    NOT NULL,
    seats          INT            NOT NULL,
    gpus_per_seat  INT            NOT NULL,
    gpus           INT            NOT NULL,
    gpu_hours      DECIMAL(12, 3) NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    booked_by      CHAR(36)       NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    CONSTRAINT pk_lab_booking PRIMARY KEY (id),
    CONSTRAINT fk_lab_booking_allocation FOREIGN KEY (allocation_id) REFERENCES gpu_allocation (id),
    CONSTRAINT fk_lab_booking_partition FOREIGN KEY (partition_id) REFERENCES factory_partition (id),
    CONSTRAINT ck_lab_booking_window CHECK (ends_at > starts_at),
    CONSTRAINT ck_lab_booking_sizes CHECK (seats > 0 AND gpus_per_seat >= 0 AND gpus = seats * gpus_per_seat)
);
CREATE INDEX ix_lab_booking_partition ON lab_booking (partition_id, status, starts_at);
