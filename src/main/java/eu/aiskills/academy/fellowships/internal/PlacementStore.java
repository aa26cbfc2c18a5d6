package eu.aiskills.academy.fellowships.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import eu.aiskills.academy.fellowships.FellowshipApplicationId;
import eu.aiskills.academy.fellowships.FellowshipCallId;
import eu.aiskills.academy.fellowships.FellowshipPlacements.Placement;
import eu.aiskills.academy.fellowships.FellowshipPlacements.Status;
import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.shared.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Placements of fellows at host offers, the hosts' own orders of their applicants, and the
 * courses fellows teach, in the database (ADR 0019). An applicant has at most one live placement
 * (a unique key on the application and the {@code live} flag); answering and expiring are
 * conditional updates. The matching reads the call's live places and hosts' orders in one query
 * each, whatever the number of offers. {@code FellowshipPlacements} checks who may do what.
 */
@Component
public class PlacementStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT p.*, h.topic, o.name AS host FROM fellowship_placement p JOIN host_offer h ON h.id = p.offer_id"
            + " JOIN organisation o ON o.id = h.organisation_id";

    /** An accepted placement of a fellow, with the courses they teach. */
    public record Accepted(UUID placement, String callTitle, String offerTopic, String host, List<UUID> courses) {
    }

    private final JdbcTemplate jdbc;

    PlacementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each offer's own order of applicants (application id to position), for the offers given; read at once. */
    public Map<UUID, Map<FellowshipApplicationId, Integer>> hostOrders(List<UUID> offers) {
        Map<UUID, Map<FellowshipApplicationId, Integer>> orders = new HashMap<>();
        offers.forEach(offer -> orders.put(offer, new HashMap<>()));
        if (!offers.isEmpty()) {
            jdbc.query("SELECT offer_id, application_id, rank_position FROM host_preference WHERE offer_id IN ("
                    + Jdbc.placeholders(offers.size()) + ")", rs -> {
                orders.get(UUID.fromString(rs.getString(1))).put(FellowshipApplicationId.of(rs.getString(2)), rs.getInt(3));
            }, offers.stream().map(UUID::toString).toArray());
        }
        return orders;
    }

    /** Replaces a host's order of the applicants to its offer. */
    public void replaceHostOrder(UUID offerId, List<FellowshipApplicationId> inOrder) {
        jdbc.update("DELETE FROM host_preference WHERE offer_id = ?", offerId.toString());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            rows.add(new Object[] {offerId.toString(), inOrder.get(i).toString(), i + 1});
        }
        jdbc.batchUpdate("INSERT INTO host_preference (offer_id, application_id, rank_position) VALUES (?, ?, ?)", rows);
    }

    public boolean anyIn(FellowshipCallId callId) {
        return count("SELECT COUNT(*) FROM fellowship_placement WHERE call_id = ?", callId.toString()) > 0;
    }

    public int liveIn(FellowshipCallId callId) {
        return count("SELECT COUNT(*) FROM fellowship_placement WHERE call_id = ? AND live = TRUE", callId.toString());
    }

    /** Live placements per offer of the call. */
    public Map<UUID, Integer> livePerOffer(FellowshipCallId callId) {
        Map<UUID, Integer> live = new HashMap<>();
        jdbc.query("SELECT offer_id, COUNT(*) FROM fellowship_placement WHERE call_id = ? AND live = TRUE GROUP BY offer_id",
                rs -> {
                    live.put(UUID.fromString(rs.getString(1)), rs.getInt(2));
                }, callId.toString());
        return live;
    }

    /** The applications that were offered a placement in the call, whatever became of it. */
    public Set<FellowshipApplicationId> offeredIn(FellowshipCallId callId) {
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT application_id FROM fellowship_placement WHERE call_id = ?", String.class,
                callId.toString()).stream().map(FellowshipApplicationId::of).toList());
    }

    public int lastRound(FellowshipCallId callId) {
        return count("SELECT COALESCE(MAX(round), 0) FROM fellowship_placement WHERE call_id = ?", callId.toString());
    }

    /** Offers a placement; the explanation says which choice it was and how full the better ones were (offer id to count). */
    public void offer(FellowshipCallId callId, FellowshipApplicationId application, UUID offerId, int round, int choice,
                      Map<UUID, Integer> fullBefore, Instant now, Instant respondBy) {
        Map<String, Integer> full = new LinkedHashMap<>();
        fullBefore.forEach((offer, count) -> full.put(offer.toString(), count));
        jdbc.update("INSERT INTO fellowship_placement (id, call_id, application_id, offer_id, round, status, explanation, offered_at,"
                        + " respond_by, live) VALUES (?, ?, ?, ?, ?, 'OFFERED', ?, ?, ?, TRUE)", UUID.randomUUID().toString(), callId.toString(),
                application.toString(), offerId.toString(), round, JSON.writeValueAsString(Map.of("choice", choice, "fullBefore", full)),
                Timestamp.from(now), Timestamp.from(respondBy));
    }

    public Optional<Placement> placement(UUID id) {
        return named(jdbc.query(SELECT + " WHERE p.id = ?", PlacementStore::row, id.toString())).stream().findFirst();
    }

    /** A placement, its row locked for this transaction. */
    public Optional<Placement> locked(UUID id) {
        jdbc.queryForList("SELECT id FROM fellowship_placement WHERE id = ? FOR UPDATE", String.class, id.toString());
        return placement(id);
    }

    /** An application's latest placement. */
    public Optional<Placement> latestOf(FellowshipApplicationId application) {
        return named(jdbc.query(SELECT + " WHERE p.application_id = ? ORDER BY p.offered_at DESC", PlacementStore::row,
                application.toString())).stream().findFirst();
    }

    /** A call's placements, by round and time offered. */
    public List<Placement> ofCall(FellowshipCallId callId) {
        return named(jdbc.query(SELECT + " WHERE p.call_id = ? ORDER BY p.round, p.offered_at", PlacementStore::row, callId.toString()));
    }

    /** Records the applicant's answer; an accepted placement stays live, a declined one frees its place. */
    public void answer(UUID id, boolean accept, Instant now) {
        jdbc.update("UPDATE fellowship_placement SET status = ?, responded_at = ?, live = ? WHERE id = ?", accept ? "ACCEPTED" : "DECLINED",
                Timestamp.from(now), accept ? Boolean.TRUE : null, id.toString());
    }

    /** A withdrawn application's live placement is declined. */
    public void declineLive(FellowshipApplicationId application, Instant now) {
        jdbc.update("UPDATE fellowship_placement SET status = 'DECLINED', responded_at = ?, live = NULL WHERE application_id = ? AND live = TRUE",
                Timestamp.from(now), application.toString());
    }

    /** The calls with offers not answered by their deadline. */
    public List<FellowshipCallId> callsWithOverdue(Instant now) {
        return jdbc.queryForList("SELECT DISTINCT call_id FROM fellowship_placement WHERE status = 'OFFERED' AND respond_by <= ?",
                String.class, Timestamp.from(now)).stream().map(FellowshipCallId::of).toList();
    }

    /** Expires the call's offers not answered by their deadline; how many. */
    public int expireOverdue(FellowshipCallId callId, Instant now) {
        return jdbc.update("UPDATE fellowship_placement SET status = 'EXPIRED', live = NULL WHERE call_id = ? AND status = 'OFFERED'"
                + " AND respond_by <= ?", callId.toString(), Timestamp.from(now));
    }

    /** Records that a fellow teaches a course; recording it again changes nothing. */
    public void teaches(UUID placementId, UUID courseId, AccountId by, Instant now) {
        jdbc.update("INSERT INTO fellow_teaching (placement_id, course_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE placement_id = placement_id",
                placementId.toString(), courseId.toString(), by.value().toString(), Timestamp.from(now));
    }

    /** A person's accepted placements with the courses they teach, in two queries. */
    public List<Accepted> acceptedOf(AccountId fellow) {
        List<Accepted> accepted = jdbc.query("SELECT p.id, c.title, h.topic, o.name FROM fellowship_placement p"
                        + " JOIN fellowship_application a ON a.id = p.application_id JOIN fellowship_call c ON c.id = p.call_id"
                        + " JOIN host_offer h ON h.id = p.offer_id JOIN organisation o ON o.id = h.organisation_id"
                        + " WHERE a.applicant_id = ? AND p.status = 'ACCEPTED'",
                (rs, n) -> new Accepted(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), new ArrayList<>()),
                fellow.value().toString());
        if (accepted.isEmpty()) {
            return accepted;
        }
        Map<UUID, List<UUID>> courses = new HashMap<>();
        accepted.forEach(a -> courses.put(a.placement(), a.courses()));
        jdbc.query("SELECT placement_id, course_id FROM fellow_teaching WHERE placement_id IN (" + Jdbc.placeholders(accepted.size()) + ")",
                rs -> {
                    courses.get(UUID.fromString(rs.getString(1))).add(UUID.fromString(rs.getString(2)));
                }, accepted.stream().map(a -> a.placement().toString()).toArray());
        return accepted;
    }

    /** The placements with the topics of the offers their explanations name, read in one query. */
    private List<Placement> named(List<Placement> placements) {
        Set<String> offers = new java.util.HashSet<>();
        placements.forEach(p -> offers.addAll(p.fullBefore().keySet()));
        if (offers.isEmpty()) {
            return placements;
        }
        Map<String, String> topics = new HashMap<>();
        jdbc.query("SELECT id, topic FROM host_offer WHERE id IN (" + Jdbc.placeholders(offers.size()) + ")", rs -> {
            topics.put(rs.getString(1), rs.getString(2));
        }, offers.toArray());
        return placements.stream().map(p -> {
            Map<String, Integer> fullBefore = new LinkedHashMap<>();
            p.fullBefore().forEach((offer, count) -> fullBefore.put(topics.getOrDefault(offer, offer), count));
            return new Placement(p.id(), p.callId(), p.application(), p.offer(), p.offerTopic(), p.host(), p.round(), p.status(), p.choice(),
                    fullBefore, p.offeredAt(), p.respondBy(), p.respondedAt());
        }).toList();
    }

    /** A placement whose {@code fullBefore} is still keyed by offer id. */
    private static Placement row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> explanation = JSON.readValue(rs.getString("explanation"), new TypeReference<Map<String, Object>>() { });
        Map<String, Integer> fullBefore = new LinkedHashMap<>();
        if (explanation.get("fullBefore") instanceof Map<?, ?> map) {
            map.forEach((offer, count) -> fullBefore.put(String.valueOf(offer), ((Number) count).intValue()));
        }
        return new Placement(UUID.fromString(rs.getString("id")), FellowshipCallId.of(rs.getString("call_id")),
                FellowshipApplicationId.of(rs.getString("application_id")), UUID.fromString(rs.getString("offer_id")), rs.getString("topic"),
                rs.getString("host"), rs.getInt("round"), Status.valueOf(rs.getString("status")),
                ((Number) explanation.getOrDefault("choice", 0)).intValue(), fullBefore, Jdbc.instant(rs, "offered_at"),
                Jdbc.instant(rs, "respond_by"), Jdbc.instant(rs, "responded_at"));
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }
}
