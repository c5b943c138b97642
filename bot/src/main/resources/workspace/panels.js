// The side panels of the local workspace: the durable executions of the leave workflow, each with its history as
// a timeline, and the e-mail in LeaveBot's outbox, whose decision links lead to LeaveBot's own pages.
"use strict";

window.Panels = (() => {
  const { el } = window.BlockKit;
  const $ = (id) => document.getElementById(id);
  const REFRESH_MS = 1500;
  // olderPages: how many pages past the newest the person asked for with "Show older"
  const shown = { panel: "executions", execution: null, email: null, olderPages: 0 };

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
    } else {
      drawOutbox(await get("outbox", {}));
    }
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
      $("panel-executions").hidden = shown.panel !== "executions";
      $("panel-outbox").hidden = shown.panel !== "outbox";
      refreshPanel();
    }));
    $("tab-executions").classList.add("selected");
    setInterval(() => refreshPanel().catch(() => {}), REFRESH_MS);
    refreshPanel();
  }

  return { start, duration };
})();
