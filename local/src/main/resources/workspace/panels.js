// The side panels of the local workspace: the durable executions of the leave workflow, each with its history as
// a timeline, the e-mail in LeaveBot's outbox, whose decision links lead to LeaveBot's own pages, and the team
// calendar as the person acting may see it.
"use strict";

window.Panels = (() => {
  const { el } = window.BlockKit;
  const $ = (id) => document.getElementById(id);
  const REFRESH_MS = 1500;
  // olderPages: how many pages past the newest the person asked for with "Show older"
  // weeks: the team calendar's period, 1 (this week) or 4 (the next 4 weeks)
  const shown = { panel: "executions", execution: null, email: null, olderPages: 0, weeks: 1 };
  const MARKS = { out: "Out", pending: "Pending", day_off: "Not a working day", in: "" };

  async function get(path, params) {
    const response = await fetch("/workspace/" + path + "?" + new URLSearchParams(params), { cache: "no-store" });
    return response.json();
  }

  async function refreshPanel() {
    if (shown.panel === "executions") {
      let page = await get("executions", {});
      let executions = page.executions;
      for (let older = 0; older < shown.olderPages && page.next_marker; older++) {
        page = await get("executions", { marker: page.next_marker });
        executions = executions.concat(page.executions);
      }
      drawExecutions(executions, Boolean(page.next_marker));
      if (shown.execution) drawHistory((await get("history", { arn: shown.execution })).events);
    } else if (shown.panel === "calendar") {
      drawCalendar(await get("calendar", { user: $("person").value, weeks: shown.weeks }));
    } else {
      drawOutbox(await get("outbox", {}));
    }
  }

  /** Who is out which day: a row per person, team by team, a column per day; pending apart from approved. */
  function drawCalendar(calendar) {
    const panel = $("panel-calendar");
    const json = JSON.stringify(calendar) + shown.weeks;
    if (panel.dataset.json === json) return;
    panel.dataset.json = json;
    const switcher = el("div", "calendar-weeks");
    [[1, "This week"], [4, "Next 4 weeks"]].forEach(([weeks, label]) => {
      const button = el("button", "calendar-period" + (weeks === shown.weeks ? " selected" : ""), label);
      button.type = "button";
      button.dataset.weeks = weeks;
      button.addEventListener("click", () => { shown.weeks = weeks; refreshPanel(); });
      switcher.append(button);
    });
    panel.replaceChildren(switcher, el("h3", "calendar-title", calendar.period || ""));
    if (calendar.error) { panel.append(el("p", "empty", calendar.error)); return; }
    if (calendar.nobody_out) { panel.append(el("p", "empty", calendar.nobody_out)); return; }
    const legend = el("p", "panel-note calendar-legend");
    legend.append(el("span", "cell out", "Out"), " approved  ", el("span", "cell pending", "Pending"), " waiting for a decision  ",
      el("span", "cell day_off", ""), " not a working day");
    const table = el("table", "calendar");
    const head = el("tr");
    head.append(el("th", null, ""));
    // "Mon 30 Nov" over a week; over 4 weeks "M 30", to fit the panel
    const [weekday, date] = [(d) => d.label.split(" ")[0], (d) => d.label.split(" ")[1]];
    calendar.days.forEach((d) => head.append(el("th", d.weekend ? "weekend" : null, calendar.days.length > 7
      ? weekday(d)[0] + "\n" + date(d) : d.label.replace(" ", "\n"))));
    table.append(head);
    calendar.teams.forEach((team) => {
      if (team.heading) {
        const row = el("tr", "calendar-team");
        const cell = el("th", null, team.heading);
        cell.colSpan = calendar.days.length + 1;
        row.append(cell);
        table.append(row);
      }
      team.people.forEach((person) => {
        const row = el("tr", "calendar-person");
        row.dataset.person = person.key;
        row.append(el("th", "calendar-name", person.name));
        person.days.forEach((mark, i) => {
          const cell = el("td", "cell " + mark + (calendar.days[i].weekend ? " weekend" : ""), mark === "pending" ? "?" : "");
          cell.title = calendar.days[i].label + (MARKS[mark] ? ": " + MARKS[mark] : "");
          cell.dataset.mark = mark;
          row.append(cell);
        });
        table.append(row);
      });
    });
    const list = el("ul", "calendar-leave");
    calendar.teams.forEach((team) => team.people.forEach((person) => person.leave.forEach((l) => {
      list.append(el("li", l.pending ? "pending" : "approved", person.name + ": " + l.dates + ", " + l.what
        + (l.pending ? " (pending)" : "") + (l.reason ? " — " + l.reason : "")));
    })));
    const scroll = el("div", "calendar-scroll");
    scroll.append(table);
    panel.append(legend, scroll, list);
  }

  /** The executions, newest first; `older` says there are older ones than these. */
  function drawExecutions(executions, older) {
    const panel = $("panel-executions");
    let list = panel.querySelector(".executions");
    if (!list) {
      panel.replaceChildren(el("p", "panel-note", "Each leave request is one durable execution in the embedded engine, "
        + "beside it the leave's status: an execution succeeds whatever the leave's outcome. Click one for its history."),
        list = el("div", "executions"), el("div", "timeline"));
    }
    const json = JSON.stringify([executions, older]);
    if (list.dataset.json === json) return;
    list.dataset.json = json;
    list.replaceChildren();
    if (!executions.length) list.append(el("p", "empty", "No executions yet: ask for leave with /leave."));
    executions.forEach((e) => {
      const row = el("button", "execution" + (e.arn === shown.execution ? " selected" : ""));
      row.type = "button";
      row.dataset.name = e.name;
      const statuses = el("span", "statuses");
      statuses.append(el("span", "status " + e.status.toLowerCase(), e.status));
      if (e.leave) statuses.append(el("span", "leave-status " + e.leave.toLowerCase(), "leave " + e.leave));
      row.append(el("span", "execution-name", e.name), statuses, el("span", "muted", new Date(e.started).toLocaleString()));
      row.addEventListener("click", () => { shown.execution = e.arn; list.dataset.json = ""; refreshPanel(); });
      list.append(row);
    });
    if (older) {
      const more = el("button", "show-older", "Show older");
      more.type = "button";
      more.addEventListener("click", () => { shown.olderPages++; refreshPanel(); });
      list.append(el("p", "panel-note", "Showing the newest " + executions.length + "; there are older ones."), more);
    }
  }

  function drawHistory(events) {
    const timeline = $("panel-executions").querySelector(".timeline");
    const json = JSON.stringify(events);
    if (timeline.dataset.json === json) return;
    timeline.dataset.json = json;
    timeline.replaceChildren(el("h3", null, "History"));
    (events || []).forEach((e) => {
      const row = el("div", "event " + kindOf(e.EventType));
      row.dataset.type = e.EventType;
      row.append(el("span", "event-time", new Date(e.EventTimestamp).toLocaleTimeString(undefined,
          { weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" })),
        el("span", "event-type", e.EventType), el("span", "event-name", e.Name || ""));
      const detail = summary(e);
      if (detail) row.append(el("div", "event-detail", detail));
      timeline.append(row);
    });
  }

  function kindOf(type) {
    return /Failed|TimedOut|Stopped/.test(type) ? "bad" : /Invocation/.test(type) ? "quiet" : /Succeeded/.test(type) ? "good" : "";
  }

  function summary(event) {
    const d = event[event.EventType + "Details"] || {};
    if (d.Error && d.Error.Payload) return (d.Error.Payload.ErrorType || "") + ": " + (d.Error.Payload.ErrorMessage || "");
    if (d.Duration !== undefined && event.EventType.startsWith("Wait")) return "waits " + duration(d.Duration);
    if (d.Timeout) return "times out after " + duration(d.Timeout);
    const payload = (d.Result || d.Input || {}).Payload;
    return payload ? (payload.length > 140 ? payload.slice(0, 140) + "…" : payload) : "";
  }

  function drawOutbox(outbox) {
    const panel = $("panel-outbox");
    const json = JSON.stringify(outbox) + shown.email;
    if (panel.dataset.json === json) return;
    panel.dataset.json = json;
    panel.replaceChildren(el("p", "panel-note", outbox.on
      ? "E-mail LeaveBot wrote to its outbox folder: for people outside the workspace, and when Slack cannot reach someone."
      : "E-mail goes out by SMTP, so there is no outbox folder to show."));
    outbox.emails.forEach((m) => {
      const item = el("div", "email" + (m.file === shown.email ? " open" : ""));
      const head = el("button", "email-head");
      head.type = "button";
      head.append(el("strong", null, m.subject), el("span", "muted", "to " + (m.to_name || m.to)));
      head.addEventListener("click", () => { shown.email = shown.email === m.file ? null : m.file; panel.dataset.json = ""; refreshPanel(); });
      item.append(head);
      if (m.file === shown.email) item.append(linked(m.text || ""));
      panel.append(item);
    });
  }

  /** Plain text with its web addresses as links (the decision links open LeaveBot's own pages). */
  function linked(text) {
    const body = el("div", "email-body");
    let last = 0;
    for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
      body.append(document.createTextNode(text.slice(last, match.index)));
      const link = el("a", null, match[0].length > 60 ? match[0].slice(0, 57) + "…" : match[0]);
      link.href = match[0];
      link.target = "_blank";
      link.rel = "noopener";
      body.append(link);
      last = match.index + match[0].length;
    }
    body.append(document.createTextNode(text.slice(last)));
    return body;
  }

  /** Seconds as "3 d 2 h", "2 h 5 min", "40 s". */
  function duration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return s + " s";
    const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    return [d && d + " d", h && h + " h", !d && m && m + " min"].filter(Boolean).join(" ");
  }

  function start() {
    document.querySelectorAll(".panel-tab").forEach((tab) => tab.addEventListener("click", () => {
      shown.panel = tab.dataset.panel;
      document.querySelectorAll(".panel-tab").forEach((t) => t.classList.toggle("selected", t === tab));
      document.querySelectorAll(".panel").forEach((p) => { p.hidden = p.id !== "panel-" + shown.panel; });
      refreshPanel();
    }));
    $("tab-executions").classList.add("selected");
    setInterval(() => refreshPanel().catch(() => {}), REFRESH_MS);
    refreshPanel();
  }

  return { start, duration };
})();
