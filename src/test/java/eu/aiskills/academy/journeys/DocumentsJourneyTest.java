package eu.aiskills.academy.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import eu.aiskills.academy.documents.TestFiles;
import eu.aiskills.academy.testsupport.AcademyWebTest;
import eu.aiskills.academy.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A student uploads a CV and a file that is not one in a real browser: the CV is listed with
 * what was read from it, the other file is marked as failed, and its reason is shown in words.
 */
@AcademyWebTest
class DocumentsJourneyTest {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void aStudentUploadsACvAndSeesWhyAnotherFileWasRefused() throws Exception {
        Path cv = Files.write(files.resolve("Ana-CV.pdf"), TestFiles.pdf("Machine learning engineer, Lisbon", "CV"));
        Path program = Files.write(files.resolve("invoice.pdf"), TestFiles.windowsProgram());
        try (Browser browser = Browser.start("documents", 1366, 900)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            browser.signIn(url(""), "student@academy.test", "Curious-Learner-42");

            driver.get(url("/documents"));
            wait.until(d -> d.getPageSource().contains("My documents"));
            browser.screenshot("empty");

            // Both chosen at once, as a person selecting two files in the file dialog.
            fileInput(driver, wait).sendKeys(cv + "\n" + program);
            wait.until(d -> gridText(d).contains("Ana-CV.pdf"));
            assertThat(gridText(driver)).contains("PDF");
            WebElement rejections = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".academy-rejections")));
            wait.until(d -> rejections.getText().contains("invoice.pdf"));
            assertThat(rejections.getText()).contains("application/x-msdownload").contains("not accepted as CV").contains("PDF, Word (.docx)");
            assertThat(rejections.getAttribute("role")).isEqualTo("alert");
            assertThat(gridText(driver)).doesNotContain("invoice.pdf");
            browser.screenshot("refused");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                    driver.findElement(By.cssSelector("vaadin-grid")));
            browser.screenshot("listed");
        }
    }

    private static WebElement fileInput(WebDriver driver, WebDriverWait wait) {
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-upload")));
        SearchContext shadow = upload.getShadowRoot();
        var inShadow = shadow.findElements(By.cssSelector("input[type='file']"));
        return inShadow.isEmpty() ? upload.findElement(By.cssSelector("input[type='file']")) : inShadow.get(0);
    }

    private static String gridText(WebDriver driver) {
        return driver.findElement(By.cssSelector("vaadin-grid")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
