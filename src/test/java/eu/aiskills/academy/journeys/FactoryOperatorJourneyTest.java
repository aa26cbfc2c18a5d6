package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationRequest;
import eu.aiskills.academy.compute.Allocations;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * LUMI's operator, in a real browser: grants fewer GPU-hours than an instructor asked for, keeps
 * the factory's entry and Slurm endpoint up to date, and looks at a week of the lab partition.
 */
@AcademyWebTest
class FactoryOperatorJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    Allocations allocations;
    @Autowired
    Bookings bookings;
    @Autowired
    Catalogue catalogue;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path content;

    @Test
    void grantsAnAllocationEditsTheFactoryAndReadsThePartitionsWeek() {
        Allocation requested = requestedAllocation();
        try (Browser browser = Browser.start("factory-operator", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "operator@academy.test", "Gpu-Custodian-42");

            driver.get(url("/operator/allocations"));
            wait.until(d -> d.findElement(By.cssSelector("vaadin-grid")).getText().contains("Spring cohort labs on LUMI"));
            browser.screenshot("requests");
            browser.click("vaadin-button", "Approve");
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog[opened]")));
            WebElement hours = wait.until(d -> d.findElement(By.cssSelector("vaadin-dialog-overlay vaadin-big-decimal-field input, "
                    + "vaadin-big-decimal-field input")));
            hours.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "120");
            browser.screenshot("approve");
            browser.click("vaadin-dialog vaadin-button, vaadin-dialog-overlay vaadin-button", "Approve");
            wait.until(ExpectedConditions.invisibilityOf(dialog));
            SecurityContextHolder.clearContext();
            KaribuSupport.signIn(context, "instructor@academy.test");
            Allocation granted = allocations.mine().stream().filter(a -> a.id().equals(requested.id())).findFirst().orElseThrow();
            assertThat(granted.grantedHours()).isEqualByComparingTo("120");
            Instant monday10 = LocalDate.now(ZoneOffset.UTC).plusWeeks(1).with(java.time.DayOfWeek.MONDAY).atTime(10, 0)
                    .toInstant(ZoneOffset.UTC);
            bookings.book(new BookingRequest(requested.id(), monday10, Duration.ofHours(3), 12, 2));
            bookings.book(new BookingRequest(requested.id(), monday10.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)),
                    Duration.ofHours(2), 8, 2));
            SecurityContextHolder.clearContext();

            driver.get(url("/factories/lumi/edit"));
            WebElement address = browser.field("vaadin-text-field", "slurmrestd address");
            address.clear();
            address.sendKeys("https://slurm-rest.lumi.example:6820");
            WebElement user = browser.field("vaadin-text-field", "Slurm user");
            user.clear();
            user.sendKeys("academy");
            browser.click("vaadin-button", "Save");
            wait.until(d -> d.getPageSource().contains("Saved."));
            browser.screenshot("factory-edit");

            driver.get(url("/factories/lumi/gpu-lab/calendar?week=" + monday10.toString().substring(0, 10)));
            wait.until(d -> d.findElements(By.cssSelector("table.academy-heatmap td")).size() == 7 * 24);
            String mondayTen = driver.findElements(By.cssSelector("table.academy-heatmap tbody tr")).getFirst()
                    .findElements(By.cssSelector("td")).get(10).getText();
            assertThat(Integer.parseInt(mondayTen)).isLessThanOrEqualTo(64 - 24);
            browser.screenshot("calendar");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", driver.findElement(By.cssSelector("vaadin-grid")));
            browser.screenshot("calendar-sessions");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Allocation requestedAllocation() {
        new TestCourses(content, context).course("operator-journey").create();
        CourseRun run = catalogue.publishedCourse("operator-journey").orElseThrow().runs().getFirst();
        KaribuSupport.signIn(context, "instructor@academy.test");
        Allocation allocation = allocations.request(new AllocationRequest("lumi", "gpu-lab", "fast-lane", run.id().value(),
                new BigDecimal("200"), "Spring cohort labs on LUMI", LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).plusDays(60)));
        SecurityContextHolder.clearContext();
        return allocation;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
