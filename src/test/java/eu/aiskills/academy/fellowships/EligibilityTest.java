package eu.aiskills.academy.fellowships;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import eu.aiskills.academy.fellowships.ApplicantFacts.CareerBreak;
import eu.aiskills.academy.fellowships.ApplicantFacts.PhdStatus;
import eu.aiskills.academy.fellowships.ApplicantFacts.Residence;
import eu.aiskills.academy.fellowships.EligibilityRules.CareerStage;
import eu.aiskills.academy.fellowships.EligibilityRules.Nationality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Eligibility rules, table-driven: nationality, months outside the EU, career stage with breaks, mobility, deadline days. */
class EligibilityTest {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 20);

    static Stream<Arguments> cases() {
        EligibilityRules nonEu = rules(Nationality.NON_EU, null, null, CareerStage.ANY, null, null, null);
        EligibilityRules eu = rules(Nationality.EU, null, null, CareerStage.ANY, null, null, null);
        EligibilityRules abroad = rules(Nationality.ANY, 12, 36, CareerStage.ANY, null, null, null);
        EligibilityRules within7 = rules(Nationality.ANY, null, null, CareerStage.PHD_WITHIN_YEARS, 7, null, null);
        EligibilityRules enrolled = rules(Nationality.ANY, null, null, CareerStage.PHD_ENROLLED, null, null, null);
        EligibilityRules either = rules(Nationality.ANY, null, null, CareerStage.PHD_ENROLLED_OR_WITHIN_YEARS, 5, null, null);
        EligibilityRules mobility = rules(Nationality.ANY, null, null, CareerStage.ANY, null, 12, 36);
        return Stream.of(
                Arguments.of("non-EU national", nonEu, facts("IN"), List.of(), true, "fellowship.eligibility.nationality-non-eu-ok"),
                Arguments.of("EU national in a non-EU call", nonEu, facts("DE"), List.of(), false, "fellowship.eligibility.nationality-non-eu-only"),
                Arguments.of("nationality not given", nonEu, facts(null), List.of(), false, "fellowship.eligibility.nationality-missing"),
                Arguments.of("EU national in an EU call", eu, facts("FR"), List.of(), true, "fellowship.eligibility.nationality-eu-ok"),
                Arguments.of("18 months in the US of the last 36", abroad, lived("US", "2024-01-01", "2025-06-30"), List.of(), true,
                        "fellowship.eligibility.outside-eu-ok"),
                Arguments.of("11 months abroad is short", abroad, lived("CA", "2025-01-01", "2025-11-30"), List.of(), false,
                        "fellowship.eligibility.outside-eu-short"),
                Arguments.of("a month counts only if lived there on its 15th", abroad, lived("CA", "2024-12-16", "2025-12-14"), List.of(),
                        false, "fellowship.eligibility.outside-eu-short"),
                Arguments.of("open-ended residence abroad", abroad, lived("JP", "2023-01-01", null), List.of(), true,
                        "fellowship.eligibility.outside-eu-ok"),
                Arguments.of("PhD exactly 7 years before", within7, phd("2019-01-20"), List.of(), true, "fellowship.eligibility.phd-within-ok"),
                Arguments.of("PhD 7 years and a day before", within7, phd("2019-01-19"), List.of(), false, "fellowship.eligibility.phd-too-long"),
                Arguments.of("a 30-day break makes up 30 days", within7, phd("2018-12-25", breakOf("2020-03-01", "2020-03-30")), List.of(),
                        true, "fellowship.eligibility.phd-within-ok"),
                Arguments.of("overlapping breaks count once", within7, phd("2018-12-06",
                        breakOf("2020-01-01", "2020-01-31"), breakOf("2020-01-15", "2020-02-14")), List.of(), true,
                        "fellowship.eligibility.phd-within-ok"),
                Arguments.of("overlapping breaks are not doubled", within7, phd("2018-12-05",
                        breakOf("2020-01-01", "2020-01-31"), breakOf("2020-01-15", "2020-02-14")), List.of(), false,
                        "fellowship.eligibility.phd-too-long"),
                Arguments.of("a break before the PhD does not count", within7, phd("2019-01-10", breakOf("2017-01-01", "2017-12-31")),
                        List.of(), false, "fellowship.eligibility.phd-too-long"),
                Arguments.of("a break straddling the award counts from the award", within7, phd("2019-01-10",
                        breakOf("2019-01-01", "2019-01-19")), List.of(), true, "fellowship.eligibility.phd-within-ok"),
                Arguments.of("PhD date missing", within7, new ApplicantFacts("IN", List.of(), PhdStatus.OBTAINED, null, List.of()),
                        List.of(), false, "fellowship.eligibility.phd-date-needed"),
                Arguments.of("enrolled in a doctoral call", enrolled, new ApplicantFacts("IN", List.of(), PhdStatus.ENROLLED,
                        LocalDate.of(2024, 9, 1), List.of()), List.of(), true, "fellowship.eligibility.phd-enrolled-ok"),
                Arguments.of("a doctor in a doctoral call", enrolled, phd("2024-01-01"), List.of(), false,
                        "fellowship.eligibility.phd-enrolled-only"),
                Arguments.of("no PhD in a postdoctoral call", either, facts("IN"), List.of(), false,
                        "fellowship.eligibility.phd-enrolled-or-within-only"),
                Arguments.of("12 months in the host country is allowed", mobility, lived("DE", "2024-01-01", "2024-12-31"), List.of("DE"),
                        true, "fellowship.eligibility.mobility-ok"),
                Arguments.of("13 months in the host country is too long", mobility, lived("DE", "2024-01-01", "2025-01-31"), List.of("DE"),
                        false, "fellowship.eligibility.mobility-too-long"),
                Arguments.of("mobility is checked against each chosen host", mobility, lived("DE", "2023-01-01", null), List.of("FR"),
                        true, "fellowship.eligibility.mobility-ok"),
                Arguments.of("no host chosen yet", mobility, lived("DE", "2023-01-01", null), List.of(), true,
                        "fellowship.eligibility.mobility-later"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleDecidesAndSaysWhy(String name, EligibilityRules rules, ApplicantFacts facts, List<String> hosts, boolean eligible,
                                   String reason) {
        EligibilityReport report = Eligibility.evaluate(rules, facts, REFERENCE, hosts);
        assertThat(report.eligible()).isEqualTo(eligible);
        assertThat(report.outcomes()).extracting(EligibilityReport.Outcome::messageKey).contains(reason);
    }

    @Test
    void theReferenceDayIsTheDeadlinesDateWhereTheCallRuns() {
        // 00:30 on 1 April in Helsinki is still 31 March in UTC: the applicant's rules count to 1 April.
        Instant deadline = LocalDateTime.of(2026, 4, 1, 0, 30).atZone(ZoneId.of("Europe/Helsinki")).toInstant();
        FellowshipCall call = new FellowshipCall(FellowshipCallId.random(), "c", "C", Scheme.POSTDOCTORAL, "s",
                deadline.minusSeconds(86_400 * 30), deadline, ZoneId.of("Europe/Helsinki"), BigDecimal.ONE, "EUR", 1, 1, 5,
                EligibilityRules.none(), List.of(), List.of(), CallStatus.PUBLISHED, null);
        assertThat(deadline.toString()).startsWith("2026-03-31T21:30");
        assertThat(call.referenceDay()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(call.openAt(deadline.minusNanos(1_000))).isTrue();
        assertThat(call.openAt(deadline)).as("the deadline itself is too late").isFalse();
    }

    private static EligibilityRules rules(Nationality n, Integer months, Integer window, CareerStage stage, Integer years, Integer max,
                                          Integer mobilityWindow) {
        return new EligibilityRules(n, months, window, stage, years, max, mobilityWindow);
    }

    private static ApplicantFacts facts(String nationality) {
        return new ApplicantFacts(nationality, List.of(), PhdStatus.NONE, null, List.of());
    }

    private static ApplicantFacts lived(String country, String from, String to) {
        return new ApplicantFacts("IN", List.of(new Residence(country, LocalDate.parse(from), to == null ? null : LocalDate.parse(to))),
                PhdStatus.NONE, null, List.of());
    }

    private static ApplicantFacts phd(String awarded, CareerBreak... breaks) {
        return new ApplicantFacts("IN", List.of(), PhdStatus.OBTAINED, LocalDate.parse(awarded), List.of(breaks));
    }

    private static CareerBreak breakOf(String from, String to) {
        return new CareerBreak(LocalDate.parse(from), LocalDate.parse(to), "parental leave");
    }
}
