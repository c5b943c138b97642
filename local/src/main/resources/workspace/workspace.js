// The local workspace page: you act as one person of the team (the selector on top), in #general, in LeaveBot's
// Home and Messages tabs, or looking in on someone else's DM. The page polls the workspace for what that person
// sees and sends what they do; panels.js draws the side panels (executions, outbox).
"use strict";

(() => {
  const { el, blocks, modal, mrkdwn } = window.BlockKit;
  const { duration } = window.Panels;
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 600;
  /** Status emoji as Slack names them, shown as the character; others as their name. */
  const EMOJI = { ":palm_tree:": "\u{1F334}" };

  const app = {
    user: localStorage.getItem("leavebot-workspace-user"),
    view: { kind: "channel", channel: "C0GENERAL" }, // or {kind: "app", tab: "home"|"messages"}, {kind: "look", user}
    people: [],
    names: {},
    shown: { messages: null, home: null, modal: null, errors: null },
    changes: Promise.resolve(),
    time: null,
  };

  // ---- talking to the workspace ----

  async function get(path, params) {
    const response = await fetch("/workspace/" + path + "?" + new URLSearchParams(params), { cache: "no-store" });
    return response.json();
  }

  async function post(path, body) {
    const response = await fetch("/workspace/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ user: app.user }, body)),
    });
    const answer = await response.json();
    if (!answer.ok && answer.error) notice(answer.error);
    await refresh();
    return answer;
  }

  function notice(text) {
    const banner = $("peek-banner");
    banner.textContent = text;
    banner.hidden = false;
    setTimeout(() => { banner.hidden = app.view.kind !== "look"; showPeekBanner(); }, 4000);
  }

  function channel() {
    if (app.view.kind === "channel") return app.view.channel;
    return "D" + (app.view.kind === "look" ? app.view.user : app.user);
  }

  // ---- drawing ----

  async function refresh() {
    if (!app.user) return;
    const user = app.user;
    const shown = channel();
    const state = await get("state", { user, channel: shown });
    // someone else or another conversation was chosen meanwhile: the refresh that show() started draws that
    if (state.ok === false || user !== app.user || shown !== channel()) return;
    drawMessages(state.messages);
    delete $("messages").dataset.loading;
    drawHome(state.home);
    drawModal(state.modal, state.modal_errors || {});
    drawTime(state.time);
    drawStatus(state.status);
  }

  /** The member's Slack status, as LeaveBot set it with their token (/leave connect), or nothing. */
  function drawStatus(status) {
    const shown = $("my-status");
    shown.hidden = !status;
    shown.textContent = status ? (EMOJI[status.emoji] || status.emoji) + " " + status.text : "";
  }

  /** The team, once: the selector (keeping whoever was chosen last time, if they are still in it) and the look-in list. */
  function drawPeople(people) {
    app.people = people;
    app.people.forEach((p) => { app.names[p.id] = p.name; });
    app.names.U0LEAVEBOT = "LeaveBot";
    app.names.USLACKBOT = "Slackbot";
    if (!app.people.some((p) => p.id === app.user)) app.user = app.people[0].id;
    const select = $("person");
    app.people.forEach((p) => {
      const option = el("option", null, p.name + (p.title ? " — " + p.title : ""));
      option.value = p.id;
      select.append(option);
    });
    select.value = app.user;
    drawLookIn();
  }

  function drawLookIn() {
    const list = $("look-in");
    list.replaceChildren();
    app.people.filter((p) => p.id !== app.user).forEach((p) => {
      const link = el("a", "nav-item", p.name + "'s DM");
      link.href = "#";
      link.dataset.look = p.id;
      link.addEventListener("click", (event) => { event.preventDefault(); show({ kind: "look", user: p.id }); });
      list.append(link);
    });
    markSelected();
  }

  function drawMessages(messages) {
    const json = JSON.stringify(messages);
    if (json === app.shown.messages) return;
    app.shown.messages = json;
    const list = $("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren();
    const byTs = {};
    messages.forEach((m) => {
      const node = message(m);
      byTs[m.ts] = node;
      const parent = m.thread_ts && m.thread_ts !== m.ts ? byTs[m.thread_ts] : null;
      if (parent) {
        let thread = parent.querySelector(":scope > .thread");
        if (!thread) parent.append(thread = el("div", "thread"));
        thread.append(node);
      } else {
        list.append(node);
      }
    });
    if (!messages.length) list.append(el("p", "empty", "No messages yet."));
    if (atBottom || messages.length) list.scrollTop = list.scrollHeight;
  }

  function message(m) {
    const node = el("div", "message" + (m.is_ephemeral ? " ephemeral" : ""));
    node.dataset.ts = m.ts;
    const from = m.user || "";
    const head = el("div", "message-head");
    head.append(el("span", "avatar" + (from === "U0LEAVEBOT" ? " bot" : ""), (app.names[from] || "?").slice(0, 1)));
    head.append(el("strong", "author", app.names[from] || from));
    if (from === "U0LEAVEBOT") head.append(el("span", "badge", "APP"));
    head.append(el("span", "when", clock(m.ts)));
    if (m.edited) head.append(el("span", "muted", "(edited)"));
    if (m.is_ephemeral) head.append(el("span", "only-you", "Only visible to you"));
    node.append(head);
    const body = m.blocks && m.blocks.length
      ? blocks(m.blocks, { names: app.names, onClick: (block, element) => click(element, { channel: channel(), ts: m.ts, block_id: block.block_id }) })
      : mrkdwn(m.text, app.names);
    body.classList.add("message-body");
    node.append(body);
    return node;
  }

  function drawHome(home) {
    const json = JSON.stringify(home || null);
    if (json === app.shown.home) return;
    app.shown.home = json;
    const pane = $("home");
    pane.replaceChildren(home
      ? blocks(home.blocks, { names: app.names, onClick: (block, element) => click(element, { view_id: home.id, block_id: block.block_id }) })
      : el("p", "empty", "Opening LeaveBot's Home…"));
  }

  function drawModal(view, errors) {
    const backdrop = $("modal-backdrop");
    if (!view) {
      backdrop.hidden = true;
      app.shown.modal = null;
      return;
    }
    const key = view.id + "/" + view.hash;
    if (key !== app.shown.modal) {
      app.shown.modal = key;
      app.shown.errors = null;
      if ($("modal").dataset.viewId === view.id && $("modal").dataset.layout === layout(view)) {
        redrawBlocks(view); // views.update of the same form: its inputs stay as they are, with what is typed and the focus
      } else {
        buildModal(view);
      }
    }
    const json = JSON.stringify(errors);
    if (json !== app.shown.errors) {
      app.shown.errors = json;
      $("modal").querySelectorAll(".kit-input").forEach((field) => {
        const problem = field.querySelector(".input-error");
        problem.textContent = errors[field.dataset.blockId] || "";
        problem.hidden = !problem.textContent;
      });
      const general = $("modal").querySelector(".modal-error");
      general.textContent = errors[""] || "";
      general.hidden = !general.textContent;
    }
    backdrop.hidden = false;
  }

  // What was typed into a modal's inputs, by block id: Slack keeps it when views.update keeps the block ids.
  function typedInputs(form) {
    const typed = {};
    form.querySelectorAll(".kit-input").forEach((field) => {
      typed[field.dataset.blockId] = Array.from(field.querySelectorAll("input, select, textarea"))
        .map((i) => (i.type === "checkbox" ? i.checked : i.value));
    });
    return typed;
  }

  function restoreInputs(form, typed) {
    form.querySelectorAll(".kit-input").forEach((field) => {
      const kept = typed[field.dataset.blockId];
      if (!kept) return;
      field.querySelectorAll("input, select, textarea").forEach((i, n) => {
        if (n >= kept.length) return;
        if (i.type === "checkbox") i.checked = kept[n]; else i.value = kept[n];
      });
    });
  }

  // The kinds and ids of a view's blocks: an update that keeps them changes only what its other blocks say.
  function layout(view) {
    return (view.blocks || []).map((b) => b.type + ":" + (b.block_id || "")).join(",");
  }

  function redrawBlocks(view) {
    const ctx = modalContext(view);
    (view.blocks || []).forEach((block, index) => {
      const shown = $("modal").querySelector(".modal-body > [data-index='" + index + "']");
      if (block.type === "input" || !shown) return;
      const fresh = blocks([block], ctx);
      fresh.dataset.index = index;
      shown.replaceWith(fresh);
    });
  }

  function modalContext(view) {
    return {
      names: app.names,
      onClick: (block, element) => click(element, { view_id: view.id, block_id: block.block_id }),
      // one change at a time, each with the values as they are when it is sent: so LeaveBot's last update is for the last change
      onChange: (block, values) => {
        app.changes = app.changes.then(() => post("change",
          { view_id: view.id, block_id: block.block_id, action_id: block.element.action_id, values: values() })).catch(() => {});
      },
    };
  }

  function buildModal(view) {
    const form = $("modal");
    const typed = form.dataset.viewId === view.id ? typedInputs(form) : null; // an update of the open modal
    form.replaceChildren();
    form.dataset.viewId = view.id;
    form.dataset.layout = layout(view);
    const head = el("div", "modal-head");
    head.append(el("h3", null, view.title ? view.title.text : ""));
    const x = el("button", "close-x", "×");
    x.type = "button";
    x.setAttribute("aria-label", "Close");
    x.addEventListener("click", closeModal);
    head.append(x);
    const error = el("div", "modal-error");
    error.hidden = true;
    const body = modal(view, {}, modalContext(view));
    const actions = el("div", "modal-actions");
    const cancel = el("button", "button", view.close ? view.close.text : "Cancel");
    cancel.type = "button";
    cancel.id = "modal-close";
    cancel.addEventListener("click", closeModal);
    actions.append(cancel);
    if (view.submit) {
      const submit = el("button", "button primary", view.submit.text);
      submit.type = "submit";
      submit.id = "modal-submit";
      actions.append(submit);
    }
    form.append(head, error, body.node, actions);
    if (typed) restoreInputs(form, typed);
    form.onsubmit = (event) => {
      event.preventDefault();
      if (body.missing() === 0) post("submit", { view_id: view.id, values: body.values() });
    };
  }

  function closeModal() {
    post("close", {});
  }

  function drawTime(time) {
    app.time = time;
    $("time-now").textContent = new Date(time.now).toLocaleString(undefined,
      { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    $("time-controls").hidden = !time.fast;
    $("time-fixed").hidden = time.fast;
    $("time-ahead").textContent = time.fast && time.skipped_seconds > 0 ? "(" + duration(time.skipped_seconds) + " ahead)" : "";
    const next = $("skip-next");
    next.disabled = !time.next_timer;
    next.title = time.next_timer ? "Next timer: " + new Date(time.next_timer).toLocaleString() : "No timer is waiting";
  }

  // ---- doing things ----

  function click(element, where) {
    const send = () => post("click", Object.assign({ action_id: element.action_id }, where));
    if (!element.confirm) return send();
    const c = element.confirm;
    $("confirm-title").textContent = c.title ? c.title.text : "Are you sure?";
    $("confirm-text").replaceChildren(c.text.type === "mrkdwn" ? mrkdwn(c.text.text) : document.createTextNode(c.text.text));
    $("confirm-yes").textContent = c.confirm ? c.confirm.text : "Yes";
    $("confirm-yes").className = "button " + (c.style === "danger" ? "danger" : "primary");
    $("confirm-no").textContent = c.deny ? c.deny.text : "Cancel";
    $("confirm-backdrop").hidden = false;
    $("confirm-yes").onclick = () => { $("confirm-backdrop").hidden = true; send(); };
    $("confirm-no").onclick = () => { $("confirm-backdrop").hidden = true; };
  }

  function show(view) {
    app.view = view;
    app.shown.messages = null;
    $("messages").dataset.loading = "true"; // until this conversation is drawn: what is shown is the one before
    const inApp = view.kind === "app";
    $("app-tabs").hidden = !inApp;
    $("conversation-title").textContent = view.kind === "channel" ? "# general"
      : inApp ? "LeaveBot" : (app.names[view.user] || view.user) + "'s DM with LeaveBot";
    const home = inApp && view.tab === "home";
    $("home").hidden = !home;
    $("messages").hidden = home;
    $("composer-form").hidden = home || view.kind === "look";
    showPeekBanner();
    markSelected();
    if (home) {
      app.shown.home = null;
      post("home", {});
    } else {
      refresh();
    }
  }

  function showPeekBanner() {
    const banner = $("peek-banner");
    if (app.view.kind === "look") {
      banner.textContent = "You are looking in on " + (app.names[app.view.user] || "someone") + "'s DM. Only they see it in Slack; "
        + "what you click here is done as " + (app.names[app.user] || "you") + ".";
    }
    banner.hidden = app.view.kind !== "look";
  }

  function markSelected() {
    document.querySelectorAll(".nav-item").forEach((item) => {
      const selected = (app.view.kind === "channel" && item.dataset.channel === app.view.channel)
        || (app.view.kind === "app" && item.dataset.app === "leavebot")
        || (app.view.kind === "look" && item.dataset.look === app.view.user);
      item.classList.toggle("selected", selected);
    });
    document.querySelectorAll(".app-tab").forEach((tab) => tab.classList.toggle("selected", app.view.kind === "app" && tab.dataset.tab === app.view.tab));
  }

  // ---- small helpers ----

  function clock(ts) {
    return new Date(parseFloat(ts) * 1000).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  }


  // ---- wiring ----

  function wire() {
    $("person").addEventListener("change", (event) => {
      app.user = event.target.value;
      localStorage.setItem("leavebot-workspace-user", app.user);
      Object.keys(app.shown).forEach((k) => { app.shown[k] = null; });
      drawLookIn();
      show(app.view.kind === "look" && app.view.user === app.user ? { kind: "app", tab: "messages" } : app.view);
    });
    document.querySelector("[data-channel]").addEventListener("click", (event) => {
      event.preventDefault();
      show({ kind: "channel", channel: "C0GENERAL" });
    });
    document.querySelector("[data-app]").addEventListener("click", (event) => {
      event.preventDefault();
      show({ kind: "app", tab: "messages" });
    });
    document.querySelectorAll(".app-tab").forEach((tab) => tab.addEventListener("click", () => show({ kind: "app", tab: tab.dataset.tab })));
    $("composer-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("composer").value.trim();
      if (!text) return;
      $("composer").value = "";
      post("type", { channel: channel(), text });
    });
    $("composer").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        $("composer-form").requestSubmit();
      }
    });
    document.querySelectorAll(".skip").forEach((b) => b.addEventListener("click", () => post("time", { skip: b.dataset.skip })));
    $("skip-next").addEventListener("click", () => {
      const seconds = Math.max(1, Math.ceil((Date.parse(app.time.next_timer) - Date.parse(app.time.now)) / 1000) + 1);
      post("time", { skip: "PT" + seconds + "S" });
    });
  }

  async function start() {
    wire();
    const team = await get("people", {});
    $("team-name").textContent = team.team;
    drawPeople(team.people);
    show(app.view);
    setInterval(() => refresh().catch(() => {}), POLL_MS);
    window.Panels.start();
  }

  start();
})();
