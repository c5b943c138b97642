// Block Kit, drawn in the browser: the blocks LeaveBot sends (header, section with text, fields and an accessory
// button, context, divider, actions with buttons and confirm dialogs) and the inputs of its modals (datepicker,
// static select, plain text, checkboxes). Everything is built with DOM calls, never from HTML strings, so text
// from a message can never become markup.
"use strict";

window.BlockKit = (() => {
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Slack escapes &, < and > in text; what is left between < and > is markup: a link or a mention.
  function unescape(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  // *bold*, _italic_, ~strike~ and `code` inside one run of plain text.
  function styled(text, parent) {
    const pattern = /(`[^`\n]+`|\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      parent.append(document.createTextNode(text.slice(last, match.index)));
      const inner = match[0].slice(1, -1);
      const tag = { "`": "code", "*": "strong", "_": "em", "~": "s" }[match[0][0]];
      parent.append(el(tag, null, inner));
      last = match.index + match[0].length;
    }
    parent.append(document.createTextNode(text.slice(last)));
  }

  function lines(text, parent) {
    text.split("\n").forEach((line, i) => {
      if (i > 0) parent.append(el("br"));
      styled(line, parent);
    });
  }

  /** mrkdwn text as DOM nodes; names maps user ids to names for mentions. */
  function mrkdwn(text, names) {
    const out = el("span", "mrkdwn");
    const markup = /<([^<>]+)>/g;
    let last = 0;
    for (const match of (text || "").matchAll(markup)) {
      lines(unescape(text.slice(last, match.index)), out);
      const [target, label] = match[1].split("|");
      if (target.startsWith("@")) {
        out.append(el("span", "mention", "@" + ((names && names[target.slice(1)]) || target.slice(1))));
      } else if (/^https?:\/\//.test(target)) {
        const link = el("a", null, unescape(label || target));
        link.href = target;
        link.target = "_blank";
        link.rel = "noopener";
        out.append(link);
      } else {
        out.append(document.createTextNode(unescape(label || target)));
      }
      last = match.index + match[0].length;
    }
    lines(unescape((text || "").slice(last)), out);
    return out;
  }

  function textObject(object, names) {
    if (!object) return el("span");
    return object.type === "mrkdwn" ? mrkdwn(object.text, names) : el("span", "plain", object.text);
  }

  function button(element, block, ctx) {
    const b = el("button", "button" + (element.style ? " " + element.style : ""), element.text ? element.text.text : "");
    b.type = "button";
    b.dataset.actionId = element.action_id || "";
    b.dataset.blockId = block.block_id || "";
    if (element.value !== undefined) b.dataset.value = element.value;
    b.addEventListener("click", () => {
      // a link button: Slack opens its URL, and still tells the app of the click
      if (element.url) window.open(element.url, "_blank", "noopener");
      ctx.onClick(block, element);
    });
    return b;
  }

  const BLOCKS = {
    header: (block) => el("div", "kit-header", block.text ? block.text.text : ""),
    divider: () => el("hr", "kit-divider"),
    context: (block, ctx) => {
      const row = el("div", "kit-context");
      (block.elements || []).forEach((e) => row.append(e.type === "image" ? el("span") : textObject(e, ctx.names)));
      return row;
    },
    section: (block, ctx) => {
      const section = el("div", "kit-section");
      const body = el("div", "kit-section-body");
      if (block.text) {
        const text = el("div", "kit-section-text");
        text.append(textObject(block.text, ctx.names));
        body.append(text);
      }
      if (block.fields && block.fields.length) {
        const fields = el("div", "kit-fields");
        block.fields.forEach((f) => {
          const field = el("div", "kit-field");
          field.append(textObject(f, ctx.names));
          fields.append(field);
        });
        body.append(fields);
      }
      section.append(body);
      if (block.accessory && block.accessory.type === "button") {
        section.append(button(block.accessory, block, ctx));
      }
      return section;
    },
    actions: (block, ctx) => {
      const row = el("div", "kit-actions");
      (block.elements || []).filter((e) => e.type === "button").forEach((e) => row.append(button(e, block, ctx)));
      return row;
    },
  };

  /** A message's or view's blocks; ctx = {names, onClick(block, element)}. Inputs are drawn by modal(). */
  function blocks(list, ctx) {
    const out = el("div", "kit-blocks");
    (list || []).forEach((block) => {
      const draw = BLOCKS[block.type];
      const node = draw ? draw(block, ctx) : el("div", "kit-unknown", "(a " + block.type + " block)");
      node.dataset.blockId = block.block_id || "";
      out.append(node);
    });
    return out;
  }

  // ---- modal inputs: each gives back Slack's state value for its element ----

  const INPUTS = {
    datepicker: (e) => {
      const input = el("input");
      input.type = "date";
      if (e.initial_date) input.value = e.initial_date;
      return { node: input, value: () => ({ type: "datepicker", selected_date: input.value || null }), empty: () => !input.value };
    },
    static_select: (e) => {
      const select = el("select");
      select.append(el("option", null, e.placeholder ? e.placeholder.text : "Choose…"));
      select.firstChild.value = "";
      (e.options || []).forEach((o) => {
        const option = el("option", null, o.text.text);
        option.value = o.value;
        select.append(option);
      });
      if (e.initial_option) select.value = e.initial_option.value;
      const chosen = () => (e.options || []).find((o) => o.value === select.value);
      return {
        node: select,
        value: () => ({ type: "static_select", selected_option: chosen() ? { text: chosen().text, value: chosen().value } : null }),
        empty: () => !chosen(),
      };
    },
    plain_text_input: (e) => {
      const input = el(e.multiline ? "textarea" : "input");
      if (e.max_length) input.maxLength = e.max_length;
      if (e.placeholder) input.placeholder = e.placeholder.text;
      if (e.initial_value) input.value = e.initial_value;
      return {
        node: input,
        value: () => ({ type: "plain_text_input", value: input.value === "" ? null : input.value }),
        empty: () => input.value.trim() === "",
      };
    },
    checkboxes: (e) => {
      const box = el("div", "kit-checkboxes");
      const checks = (e.options || []).map((o) => {
        const label = el("label", "kit-checkbox");
        const check = el("input");
        check.type = "checkbox";
        check.value = o.value;
        check.checked = (e.initial_options || []).some((i) => i.value === o.value);
        label.append(check, textObject(o.text));
        box.append(label);
        return { check, option: o };
      });
      const selected = () => checks.filter((c) => c.check.checked).map((c) => ({ text: c.option.text, value: c.option.value }));
      return { node: box, value: () => ({ type: "checkboxes", selected_options: selected() }), empty: () => selected().length === 0 };
    },
  };

  /**
   * A modal's body: its blocks, inputs drawn as form fields, each problem LeaveBot reported under its block.
   * Returns {node, values(), missing()}: Slack's state.values, and the required inputs left empty. A change of an
   * input in a block with dispatch_action calls ctx.onChange(block, values), as Slack then sends block_actions.
   */
  function modal(view, errors, ctx) {
    const body = el("div", "modal-body");
    const inputs = [];
    const values = () => {
      const state = {};
      inputs.forEach(({ block, input }) => { state[block.block_id] = { [block.element.action_id]: input.value() }; });
      return state;
    };
    (view.blocks || []).forEach((block, index) => {
      if (block.type !== "input") {
        const node = blocks([block], ctx);
        node.dataset.index = index; // so that an update of the view can redraw it alone
        body.append(node);
        return;
      }
      const make = INPUTS[block.element.type];
      const field = el("div", "kit-input");
      field.dataset.blockId = block.block_id;
      const label = el("label", "kit-label", block.label ? block.label.text : "");
      if (block.optional) label.append(el("span", "muted", " (optional)"));
      field.append(label);
      const input = make ? make(block.element) : { node: el("div", "kit-unknown", "(unsupported input)"), value: () => null, empty: () => false };
      input.node.dataset.actionId = block.element.action_id;
      if (block.dispatch_action && ctx.onChange) {
        input.node.addEventListener("change", () => ctx.onChange(block, values));
      }
      field.append(input.node);
      if (block.hint) field.append(el("div", "kit-hint", block.hint.text));
      const problem = el("div", "input-error", (errors && errors[block.block_id]) || "");
      problem.hidden = !problem.textContent;
      field.append(problem);
      body.append(field);
      inputs.push({ block, input, problem });
    });
    return {
      node: body,
      values,
      missing: () => {
        const missing = inputs.filter(({ block, input }) => !block.optional && input.empty());
        inputs.forEach(({ problem }) => { if (problem.dataset.required) { problem.hidden = true; delete problem.dataset.required; } });
        missing.forEach(({ problem }) => {
          problem.textContent = "Please fill out this field.";
          problem.dataset.required = "1";
          problem.hidden = false;
        });
        return missing.length;
      },
    };
  }

  return { mrkdwn, blocks, modal, el };
})();
