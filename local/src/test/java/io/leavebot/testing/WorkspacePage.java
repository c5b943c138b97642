package io.leavebot.testing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The local workspace's page as a person uses it, for browser tests: choose who you are, go to #general, LeaveBot's
 * Messages or Home tab or someone else's DM, type, click buttons (answering their confirm dialogs), fill in and send
 * modals, move time, and read what is shown. Every read waits until the page shows what is expected.
 */
public final class WorkspacePage {
    private final Browser browser;
    private final WebDriver driver;

    private WorkspacePage(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    /** Opens the workspace at {@code base} (LeaveBot's web server) once the page knows its people. */
    public static WorkspacePage open(Browser browser, URI base) {
        browser.driver().get(base.resolve("/").toString());
        var page = new WorkspacePage(browser);
        browser.await("the people to choose from", d -> !d.findElements(By.cssSelector("#person option")).isEmpty());
        return page;
    }

    public WorkspacePage actAs(String userId) {
        new Select(driver.findElement(By.id("person"))).selectByValue(userId);
        return this;
    }

    public WorkspacePage general() {
        driver.findElement(By.cssSelector("[data-channel='C0GENERAL']")).click();
        return this;
    }

    /** LeaveBot's Messages tab: the person's DM with the app. */
    public WorkspacePage messages() {
        driver.findElement(By.cssSelector("[data-app='leavebot']")).click();
        driver.findElement(By.cssSelector(".app-tab[data-tab='messages']")).click();
        return this;
    }

    public WorkspacePage home() {
        driver.findElement(By.cssSelector("[data-app='leavebot']")).click();
        driver.findElement(By.cssSelector(".app-tab[data-tab='home']")).click();
        return this;
    }

    /** Someone else's DM with LeaveBot, where clicks are done as the person acting. */
    public WorkspacePage lookIn(String userId) {
        driver.findElement(By.cssSelector("[data-look='" + userId + "']")).click();
        return this;
    }

    /** Types into the composer and sends. */
    public WorkspacePage type(String text) {
        WebElement composer = driver.findElement(By.id("composer"));
        composer.sendKeys(text);
        driver.findElement(By.id("send")).click();
        return this;
    }

    /** Waits until the conversation shows {@code text}, and returns all it shows. */
    public String awaitMessage(String text) {
        return browser.await("the conversation to show \"" + text + "\"", d -> {
            String shown = conversation(d);
            return shown != null && shown.contains(text) ? shown : null;
        });
    }

    /** Waits until the newest message of the conversation (its thread's replies aside) shows {@code text}, and returns it. */
    public String awaitNewestMessage(String text) {
        return browser.await("the newest message to show \"" + text + "\"", d -> {
            var all = conversation(d) == null ? List.<WebElement>of() : d.findElements(By.cssSelector("#messages > .message"));
            String newest = all.isEmpty() ? "" : all.get(all.size() - 1).getText();
            return newest.contains(text) ? newest : null;
        });
    }

    /** Waits until some message of the conversation (thread replies aside) has a button with this action id; returns all it shows. */
    public String awaitButton(String actionId) {
        return browser.await("a button " + actionId, d -> conversation(d) != null && buttons(d, actionId) > 0 ? conversation(d) : null);
    }

    /**
     * Waits until no message of the conversation has a button with this action id, and returns all it shows. Thread
     * replies aside: reminders keep their buttons, which answer with the request's state once it is decided.
     */
    public String awaitNoButton(String actionId) {
        return browser.await("no button " + actionId, d -> conversation(d) != null && buttons(d, actionId) == 0 ? conversation(d) : null);
    }

    /** What the conversation shows; null until the one chosen last is drawn. */
    private static String conversation(WebDriver d) {
        WebElement messages = d.findElement(By.id("messages"));
        return messages.getAttribute("data-loading") != null ? null : messages.getText();
    }

    private static int buttons(WebDriver d, String actionId) {
        return d.findElements(By.cssSelector("#messages > .message > .message-body button[data-action-id='" + actionId + "']")).size();
    }

    /** Waits until the Home tab shows {@code text}, and returns all it shows. */
    public String awaitHome(String text) {
        return browser.await("Home to show \"" + text + "\"", d -> {
            String shown = d.findElement(By.id("home")).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    /** Clicks the button with this action id in the newest message (or on Home) that has one. */
    public WorkspacePage click(String actionId) {
        String where = driver.findElement(By.id("home")).isDisplayed() ? "#home" : "#messages";
        browser.await("a button " + actionId, d -> {
            var found = d.findElements(By.cssSelector(where + " button[data-action-id='" + actionId + "']"));
            try {
                found.get(found.size() - 1).click();
                return true;
            } catch (IndexOutOfBoundsException e) {
                return null; // not there yet: look again
            }
        });
        return this;
    }

    /** Answers the open confirm dialog with its confirm button. */
    public WorkspacePage confirm() {
        browser.await("the confirm dialog", d -> d.findElement(By.id("confirm-yes")).isDisplayed());
        driver.findElement(By.id("confirm-yes")).click();
        return this;
    }

    /** Waits for the modal with this title. */
    public WorkspacePage awaitModal(String title) {
        browser.await("the modal \"" + title + "\"", d -> d.findElement(By.id("modal-backdrop")).isDisplayed()
                && d.findElement(By.cssSelector("#modal .modal-head h3")).getText().equals(title));
        return this;
    }

    /** Sets a datepicker, as a person picking the day would (the browser then fires input and change). */
    public WorkspacePage pickDate(String blockId, LocalDate date) {
        WebElement input = input(blockId, "input[type='date']");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, date.toString());
        return this;
    }

    /** Waits until the modal's block {@code blockId} (a context or section) shows a text containing {@code text}; returns it. */
    public String awaitModalText(String blockId, String text) {
        return awaitModalText(blockId, "\"" + text + "\"", shown -> shown.contains(text));
    }

    /** Waits until the text of the modal's block {@code blockId} is one {@code wanted} accepts; returns it. */
    public String awaitModalText(String blockId, String what, Predicate<String> wanted) {
        return browser.await(what + " in the modal's block " + blockId, d -> {
            var blocks = d.findElements(By.cssSelector("#modal [data-block-id='" + blockId + "']"));
            return blocks.isEmpty() || !wanted.test(blocks.get(0).getText()) ? null : blocks.get(0).getText();
        });
    }

    /** What the modal's input in block {@code blockId} holds now. */
    public String inputValue(String blockId) {
        return input(blockId, "input, select, textarea").getDomProperty("value");
    }

    public WorkspacePage choose(String blockId, String value) {
        new Select(input(blockId, "select")).selectByValue(value);
        return this;
    }

    public WorkspacePage write(String blockId, String text) {
        input(blockId, "input, textarea").sendKeys(text);
        return this;
    }

    /** Sends the modal and waits until it closed. */
    public WorkspacePage submit() {
        driver.findElement(By.id("modal-submit")).click();
        browser.await("the modal to close", d -> !d.findElement(By.id("modal-backdrop")).isDisplayed());
        return this;
    }

    /** Sends the modal and waits for the problem LeaveBot shows under the block {@code blockId}; returns it. */
    public String submitForProblem(String blockId) {
        driver.findElement(By.id("modal-submit")).click();
        return browser.await("a problem under " + blockId, d -> {
            var problem = d.findElements(By.cssSelector("#modal .kit-input[data-block-id='" + blockId + "'] .input-error"));
            return problem.isEmpty() || problem.get(0).getText().isBlank() ? null : problem.get(0).getText();
        });
    }

    /** Moves LeaveBot's time with one of the time control's buttons ({@code PT1H}, {@code P1D}). */
    public WorkspacePage skip(String duration) {
        driver.findElement(By.cssSelector("[data-skip='" + duration + "']")).click();
        return this;
    }

    /** Waits until the executions panel shows an execution with this status, and returns the panel's text. */
    public String awaitExecution(String status) {
        driver.findElement(By.id("tab-executions")).click();
        return browser.await("an execution " + status, d -> {
            String shown = d.findElement(By.id("panel-executions")).getText();
            return shown.contains(status) ? shown : null;
        });
    }

    /** Waits until the executions panel lists exactly {@code count} executions. */
    public WorkspacePage awaitExecutionsShown(int count) {
        driver.findElement(By.id("tab-executions")).click();
        browser.await(count + " executions listed", d -> d.findElements(By.cssSelector("#panel-executions .execution")).size() == count);
        return this;
    }

    /** Clicks the executions panel's "Show older". */
    public WorkspacePage showOlderExecutions() {
        browser.await("Show older", d -> {
            d.findElement(By.cssSelector("#panel-executions .show-older")).click();
            return true;
        });
        return this;
    }

    /** Opens the newest execution's history in the panel and waits for an event of this type. */
    public String awaitHistoryEvent(String eventType) {
        driver.findElement(By.id("tab-executions")).click();
        browser.await("an execution to open", d -> {
            var executions = d.findElements(By.cssSelector(".execution"));
            if (executions.isEmpty()) {
                return null;
            }
            executions.get(0).click();
            return true;
        });
        return browser.await("the history event " + eventType, d -> {
            var events = d.findElements(By.cssSelector(".event[data-type='" + eventType + "']"));
            return events.isEmpty() ? null : d.findElement(By.cssSelector(".timeline")).getText();
        });
    }

    /** Opens the newest e-mail in the outbox panel whose subject has {@code subject}, and returns its links. */
    public List<String> openEmail(String subject) {
        driver.findElement(By.id("tab-outbox")).click();
        browser.await("an e-mail about \"" + subject + "\"", d -> {
            for (WebElement head : d.findElements(By.cssSelector(".email-head"))) {
                if (head.getText().contains(subject)) {
                    head.click();
                    return true;
                }
            }
            return null;
        });
        return browser.await("the e-mail's links", d -> {
            var links = d.findElements(By.cssSelector(".email.open .email-body a")).stream().map(a -> a.getAttribute("href")).toList();
            return links.isEmpty() ? null : links;
        });
    }

    /** Opens the team calendar panel on "This week" (1) or "Next 4 weeks" (4). */
    public WorkspacePage calendar(int weeks) {
        driver.findElement(By.id("tab-calendar")).click();
        browser.await("the calendar's period buttons", d -> {
            d.findElement(By.cssSelector("#panel-calendar .calendar-period[data-weeks='" + weeks + "']")).click();
            return true;
        });
        return this;
    }

    /** Waits until the calendar shows {@code person} (by e-mail) with these marks, and returns the panel's text. */
    public String awaitCalendarMarks(String person, Predicate<List<String>> wanted) {
        return browser.await("the calendar row of " + person, d -> {
            List<String> marks = d.findElements(By.cssSelector("#panel-calendar tr[data-person='" + person + "'] td")).stream()
                    .map(cell -> cell.getAttribute("data-mark")).toList();
            return !marks.isEmpty() && wanted.test(marks) ? d.findElement(By.id("panel-calendar")).getText() : null;
        });
    }

    /** Waits until the calendar panel's text has {@code text}, and returns it. */
    public String awaitCalendar(String text) {
        return browser.await("the calendar to show " + text, d -> {
            String shown = d.findElement(By.id("panel-calendar")).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    private WebElement input(String blockId, String css) {
        return browser.await("the input " + blockId, d -> {
            var found = d.findElements(By.cssSelector("#modal .kit-input[data-block-id='" + blockId + "'] " + css.replace(", ",
                    ", #modal .kit-input[data-block-id='" + blockId + "'] ")));
            return found.isEmpty() ? null : found.get(0);
        });
    }
}
