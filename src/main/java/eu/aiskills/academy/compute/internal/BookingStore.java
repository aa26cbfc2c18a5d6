package eu.aiskills.academy.compute.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.aiskills.academy.compute.AllocationId;
import eu.aiskills.academy.compute.Booking;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lab bookings in the database (ADR 0019, ADR 0012): a booking decides under its partition's row
 * lock, and its GPU-hours move in the ledger in the same transaction. {@code Bookings} checks who
 * may book and what, before it calls here.
 */
@Component
public class BookingStore {

    /** A partition locked for this transaction, with the GPUs it has. */
    public record LockedPartition(String id, int capacity) {
    }

    /** A booking's window and GPUs, for the search of free windows. */
    public record Held(Instant start, Instant end, int gpus) {
    }

    /** A booking on a partition's calendar, with who booked it and the allocation's justification. */
    public record CalendarRow(UUID id, Instant start, Instant end, int gpus, int seats, String bookedBy, String justification) {
    }

    /** A new booking's row. */
    public record NewBooking(UUID id, AllocationId allocation, String partitionId, Instant start, Instant end, int seats, int gpusPerSeat,
                             int gpus, BigDecimal gpuHours, UUID bookedBy, Instant createdAt) {
    }

    private static final String SELECT = "SELECT b.*, p.name AS partition_name FROM lab_booking b"
            + " JOIN factory_partition p ON p.id = b.partition_id";

    private final JdbcTemplate jdbc;

    BookingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The partition's row, exclusively: bookings of one partition decide one after the other. */
    public LockedPartition lockPartition(UUID factory, String partition) {
        return jdbc.queryForObject("SELECT id, gpus_per_node * nodes AS capacity FROM factory_partition WHERE factory_id = ? AND name = ?"
                + " FOR UPDATE", (rs, n) -> new LockedPartition(rs.getString("id"), rs.getInt("capacity")), factory.toString(), partition);
    }

    /** GPUs held on the partition by bookings that overlap the window. */
    public int held(String partitionId, Instant start, Instant end) {
        Integer sum = jdbc.queryForObject("SELECT COALESCE(SUM(gpus), 0) FROM lab_booking WHERE partition_id = ?"
                + " AND status = 'BOOKED' AND starts_at < ? AND ends_at > ?", Integer.class, partitionId,
                Timestamp.from(end), Timestamp.from(start));
        return sum == null ? 0 : sum;
    }

    /** The partition's bookings overlapping the range, read once for the search of free windows. */
    public List<Held> heldAround(String partitionId, Instant from, Instant to) {
        return jdbc.query("SELECT starts_at, ends_at, gpus FROM lab_booking WHERE partition_id = ? AND status = 'BOOKED'"
                        + " AND starts_at < ? AND ends_at > ?",
                (rs, n) -> new Held(Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), rs.getInt("gpus")),
                partitionId, Timestamp.from(to), Timestamp.from(from));
    }

    public void insert(NewBooking b) {
        jdbc.update("INSERT INTO lab_booking (id, allocation_id, partition_id, starts_at, ends_at, seats, gpus_per_seat, gpus,"
                        + " gpu_hours, status, booked_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?)",
                b.id().toString(), b.allocation().value().toString(), b.partitionId(), Timestamp.from(b.start()), Timestamp.from(b.end()),
                b.seats(), b.gpusPerSeat(), b.gpus(), b.gpuHours(), b.bookedBy().toString(), Timestamp.from(b.createdAt()));
    }

    public void cancel(UUID id) {
        jdbc.update("UPDATE lab_booking SET status = 'CANCELLED' WHERE id = ? AND status = 'BOOKED'", id.toString());
    }

    public void shorten(UUID id, Instant end, BigDecimal gpuHours) {
        jdbc.update("UPDATE lab_booking SET ends_at = ?, gpu_hours = ? WHERE id = ?", Timestamp.from(end), gpuHours, id.toString());
    }

    public Optional<Booking> load(UUID id) {
        return jdbc.query(SELECT + " WHERE b.id = ?", BookingStore::booking, id.toString()).stream().findFirst();
    }

    public String bookedBy(UUID id) {
        return jdbc.queryForObject("SELECT booked_by FROM lab_booking WHERE id = ?", String.class, id.toString());
    }

    public List<Booking> ofAllocation(AllocationId allocation) {
        return jdbc.query(SELECT + " WHERE b.allocation_id = ? ORDER BY b.starts_at", BookingStore::booking, allocation.value().toString());
    }

    /** The partition's live bookings that overlap [from, to), soonest first. */
    public List<CalendarRow> calendar(UUID factory, String partition, Instant from, Instant to) {
        return jdbc.query("SELECT b.id, b.starts_at, b.ends_at, b.gpus, b.seats, b.booked_by,"
                        + " a.justification FROM lab_booking b JOIN factory_partition p ON p.id = b.partition_id"
                        + " JOIN gpu_allocation a ON a.id = b.allocation_id"
                        + " WHERE p.factory_id = ? AND p.name = ? AND b.status = 'BOOKED' AND b.starts_at < ? AND b.ends_at > ?"
                        + " ORDER BY b.starts_at",
                (rs, n) -> new CalendarRow(UUID.fromString(rs.getString("id")), Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"),
                        rs.getInt("gpus"), rs.getInt("seats"), rs.getString("booked_by"), rs.getString("justification")),
                factory.toString(), partition, Timestamp.from(to), Timestamp.from(from));
    }

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        return new Booking(UUID.fromString(rs.getString("id")), new AllocationId(UUID.fromString(rs.getString("allocation_id"))),
                rs.getString("partition_name"), Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"),
                rs.getInt("seats"), rs.getInt("gpus_per_seat"), rs.getInt("gpus"), rs.getBigDecimal("gpu_hours"),
                rs.getString("status"));
    }
}
