package io.leavebot.http;

import io.leavebot.email.DecisionLinks;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationTexts;
import java.time.ZoneId;
import java.util.List;

/**
 * The pages the Withdraw link of a receipt leads to: the confirmation with its form, and the page after it. A link
 * that cannot withdraw (the request is decided, the link expired or changed) gets {@link DecisionPages}' pages.
 */
final class WithdrawalPages {
    private final NotificationTexts texts;

    WithdrawalPages(ZoneId zone) {
        this.texts = new NotificationTexts(zone);
    }

    /** 200: what is about to happen, and the form that does it. */
    Page confirm(LeaveRequest leave, String token) {
        String body = Html.paragraphs(List.of("You are about to withdraw your leave request. "
                        + NotificationTexts.withWhom(leave) + " will no longer be asked to decide it."))
                + Html.facts(DecisionPages.rows(texts.of(Notification.of(Notification.Kind.RECEIPT, leave))))
                // no action attribute: the form posts back to this very address, whatever prefix a proxy put in front
                + "<form method=\"post\">\n<input type=\"hidden\" name=\"" + DecisionLinks.TOKEN_PARAMETER
                + "\" value=\"" + Html.text(token) + "\">\n"
                + "<p><button type=\"submit\" class=\"reject\">Withdraw my request</button></p>\n</form>\n";
        return new Page(200, Html.page("Withdraw your leave request?", body));
    }

    /** 200: the withdrawal is on its way; the e-mail that confirms it follows. */
    Page done(LeaveRequest leave) {
        return new Page(200, Html.page("Your request is withdrawn", Html.paragraphs(List.of(
                "Your leave request for " + NotificationTexts.datesOf(leave) + " is withdrawn. "
                        + NotificationTexts.withWhom(leave) + " is told, and you will get an e-mail that confirms it."))));
    }
}
