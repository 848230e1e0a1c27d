// herd's web view: one page, one view per hash route, everything read from /api/v1.
// Text from the journal or the hosts is only ever set as textContent, never as HTML.
"use strict";

const api = "/api/v1";
let following = null; // the EventSource of the run page, closed when the view changes

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

async function get(path) {
  const answer = await fetch(api + path, { headers: { Accept: "application/json" } });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(body.error || answer.status + " " + answer.statusText);
  return body;
}

/**
 * An action: POST with the token of this tab, if any (else the browser's client certificate, if
 * herd serve asks for one); always as JSON, which a client certificate's action needs.
 */
async function act(path, body) {
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  const token = sessionStorage.getItem("herd-token");
  if (token) headers.Authorization = "Bearer " + token;
  const answer = await fetch(api + path, { method: "POST", headers, body });
  const json = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(json.error || answer.status + " " + answer.statusText);
  return json;
}

function show(...nodes) {
  const view = document.getElementById("view");
  view.replaceChildren(...nodes);
}

function failure(error) {
  return el("p", { class: "error", id: "error" }, error.message || String(error));
}

function table(headers, rows) {
  return el("table", {},
    el("thead", {}, el("tr", {}, headers.map(h => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function count(list) {
  return Array.isArray(list) ? list.length : (list || 0);
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : "";
}

// ---- fleet ----

async function fleet(params) {
  const query = new URLSearchParams();
  for (const key of ["nodes", "group", "cluster", "wave"]) if (params.get(key)) query.set(key, params.get(key));
  const filters = el("form", { class: "filters", id: "filters", onsubmit: e => {
      e.preventDefault();
      const chosen = new URLSearchParams();
      for (const input of e.target.querySelectorAll("input")) if (input.value) chosen.set(input.name, input.value);
      location.hash = "#/fleet?" + chosen;
    } },
    ["nodes", "group", "cluster", "wave"].map(key =>
      el("input", { name: key, placeholder: key, value: params.get(key) || "" })),
    el("button", { type: "submit" }, "filter"));
  query.set("hosts", "false"); // the folded rows only: a fleet of 10,000 hosts is a few rows
  const status = await get("/hosts?" + query);
  const rows = (status.rows || []).map(row => {
    const s = row.state || {};
    return el("tr", { class: "fleet-row" },
      el("td", { class: "hosts" }, row.hosts),
      el("td", { class: "num" }, row.count),
      el("td", {}, s.os || ""),
      el("td", { class: "num" }, count(s.pending)),
      el("td", { class: "num" }, s.securityCount || 0),
      el("td", {}, count(s.reboot) ? "yes" : ""),
      el("td", { class: "num" }, count(s.restarts)),
      el("td", { class: "num" }, count(s.dpkgProblems) + (s.dpkgLocked ? " (locked)" : "")),
      el("td", {}, (s.held || []).join(" ")),
      el("td", {}, (s.policy || []).join(" ")));
  });
  const unprobed = (status.unreachable || []).map(u =>
    el("tr", {}, el("td", {}, u.hosts), el("td", { class: "muted" }, u.reason)));
  const range = status.collected;
  const collected = range
    ? el("p", { class: "muted", id: "collected" }, "facts collected by herd status between " + when(range.earliest) + " and " + when(range.latest))
    : el("p", { class: "muted", id: "collected" }, "no facts yet: run herd status");
  show(el("h1", {}, "fleet"), filters, collected,
    table(["hosts", "count", "os", "pending", "security", "reboot", "restarts", "dpkg problems",
      "held / pinned", "guards and policies"], rows),
    unprobed.length ? el("h2", {}, "not probed") : "",
    unprobed.length ? table(["hosts", "why"], unprobed) : "");
}

// ---- clusters ----

async function clusters() {
  const list = await get("/clusters");
  const rows = list.flatMap(c => c.members.map((m, i) => el("tr", { class: "cluster-row" },
    el("td", {}, i === 0 ? c.cluster : ""),
    el("td", {}, i === 0 ? c.recipe || "" : ""),
    el("td", {}, m.host),
    el("td", {}, Object.entries(m.versions || {}).map(([pkg, v]) => el("div", {}, pkg + " " + (v || "not installed")))),
    el("td", {}, i === 0 ? (c.skew.length ? el("span", { class: "error skew" }, "skew: " + c.skew.join(" ")) : "none") : ""),
    el("td", {}, m.health ? el("span", { class: "outcome-" + m.health.outcome.toLowerCase() },
      m.health.outcome.toLowerCase() + " " + when(m.health.at)) : el("span", { class: "muted" }, "none yet")))));
  show(el("h1", {}, "clusters"), table(["cluster", "recipe", "member", "versions", "skew", "last health"], rows));
}

// ---- runs ----

async function runs() {
  const list = await get("/runs");
  const rows = list.map(r => {
    const p = r.progress || {};
    return el("tr", { class: "run-row" },
      el("td", {}, el("a", { href: "#/runs/" + encodeURIComponent(r.id) }, r.id)),
      el("td", { class: "state state-" + r.state.toLowerCase() }, r.state.toLowerCase()),
      el("td", {}, when(r.started)),
      el("td", {}, r.startedBy || ""),
      el("td", { class: "num" }, r.hosts),
      el("td", {}, [p.done, p.failed, p.running, p.waiting].some(x => x !== undefined)
        ? `${p.done || 0} done, ${p.failed || 0} failed, ${p.running || 0} running, ${p.waiting || 0} waiting` : ""),
      el("td", { class: "muted" }, r.command || ""));
  });
  const upload = el("form", { id: "apply-form", onsubmit: async e => {
      e.preventDefault();
      const file = e.target.querySelector("input[type=file]").files[0];
      const message = e.target.querySelector(".message");
      const options = new URLSearchParams();
      for (const input of e.target.querySelectorAll("input[data-option]")) {
        if (input.type === "checkbox" ? input.checked : input.value) {
          options.set(input.name, input.type === "checkbox" ? "true" : input.value);
        }
      }
      try {
        const query = options.toString();
        const started = await act("/runs" + (query ? "?" + query : ""), await file.text());
        location.hash = "#/runs/" + encodeURIComponent(started.run);
      } catch (error) {
        message.replaceChildren(failure(error));
      }
    } },
    el("label", {}, "apply a reviewed plan file (herd plan -o): ",
      el("input", { type: "file", accept: ".json,application/json", required: "" })),
    // herd apply's options, as on the command line; empty ones are not sent.
    ["parallel", "serial", "canary", "max-fail"].map(name =>
      el("input", { name, "data-option": "", placeholder: "--" + name, size: 10 })),
    el("label", {}, el("input", { type: "checkbox", name: "finalize", "data-option": "" }), " --finalize"),
    el("button", { type: "submit" }, "apply"),
    el("span", { class: "message" }));
  show(el("h1", {}, "runs"), upload,
    table(["run", "state", "started", "by", "hosts", "progress", "command"], rows));
}

/** One run, live: refetched whenever the journal records something new for it. */
async function run(id) {
  let pending = null;
  const render = async () => {
    const detail = await get("/runs/" + encodeURIComponent(id));
    show(...runView(id, detail));
  };
  await render();
  if (following) following.close();
  following = new EventSource(api + "/runs/" + encodeURIComponent(id) + "/events");
  const refresh = () => {
    if (pending) return;
    pending = setTimeout(() => { pending = null; render().catch(e => show(failure(e))); }, 100);
  };
  for (const kind of ["stepStarted", "stepFinished", "hostFinished", "runState"]) {
    following.addEventListener(kind, refresh);
  }
}

function runView(id, detail) {
  const summary = detail;
  const state = summary.state.toLowerCase();
  const hosts = detail.hostDetails || [];
  const nodes = [
    el("h1", {}, "run " + id),
    el("p", {}, el("span", { id: "run-state", class: "state-" + state }, state),
      " — started " + when(summary.started) + (summary.startedBy ? " by " + summary.startedBy : "")
        + (summary.finished ? ", ended " + when(summary.finished) : ""),
      el("br"), el("span", { class: "muted" }, summary.command || "")),
    actions(id, state),
    el("h2", {}, "timeline"),
    timeline(hosts),
    el("h2", {}, "hosts"),
    table(["host", "state", "current step", "ended"], hosts.map(h => el("tr", { class: "host-row", "data-host": h.host },
      el("td", {}, h.host),
      el("td", { class: "state state-" + h.state.toLowerCase() }, h.state.toLowerCase()),
      el("td", { class: "current" }, h.currentStep || ""),
      el("td", {}, when(h.ended)))))];
  const failed = hosts.filter(h => h.failure);
  if (failed.length) {
    nodes.push(el("h2", {}, "failures"));
    for (const h of failed) {
      nodes.push(el("div", { class: "failure" },
        el("strong", {}, h.host + ": " + h.failure.step + " " + h.failure.outcome.toLowerCase()),
        el("pre", { class: "tail" }, h.failure.outputTail || "")));
    }
  }
  const budgets = detail.clusters || [];
  if (budgets.length) {
    nodes.push(el("h2", {}, "clusters"),
      table(["cluster", "members", "out of service", "budget"], budgets.map(c => el("tr", { class: "budget-row" },
        el("td", {}, c.cluster),
        el("td", {}, c.members.join(" ")),
        el("td", {}, c.outOfService.length + (c.outOfService.length ? " (" + c.outOfService.join(" ") + ")" : "")),
        el("td", { class: "num" }, c.budget)))));
  }
  const asked = detail.actions || [];
  if (asked.length) {
    nodes.push(el("h2", {}, "asked by operators"),
      table(["what", "by", "when", "taken"], asked.map(a => el("tr", { class: "asked-row" },
        el("td", {}, a.action.toLowerCase()), el("td", {}, a.by), el("td", {}, when(a.at)), el("td", {}, when(a.handled))))));
  }
  return nodes;
}

function actions(id, state) {
  const message = el("span", { class: "message", id: "action-message" });
  const button = (verb, enabled) => el("button", {
    id: verb, disabled: enabled ? null : "", onclick: async () => {
      try {
        await act("/runs/" + encodeURIComponent(id) + "/" + verb);
        message.replaceChildren(el("span", { class: "muted" }, verb + " asked"));
      } catch (error) {
        message.replaceChildren(failure(error));
      }
    } }, verb);
  const live = state === "running";
  return el("div", { class: "actions" },
    button("pause", live), button("resume", state === "paused" || state === "failed"),
    button("abort", live || state === "paused"), message);
}

/** Each host's step attempts as bars on one time axis. */
function timeline(hosts) {
  const attempts = hosts.flatMap(h => (h.steps || []).map(s => ({ host: h.host, ...s })));
  const starts = attempts.map(s => Date.parse(s.started)).filter(t => !isNaN(t));
  if (!starts.length) return el("p", { class: "muted" }, "no step started yet");
  const now = Date.now();
  const from = Math.min(...starts);
  const to = Math.max(now, ...attempts.map(s => Date.parse(s.finished || 0)).filter(t => !isNaN(t)));
  const label = 140, width = 900, row = 22;
  const scale = t => label + (width - label - 10) * (t - from) / Math.max(1, to - from);
  const chart = svg("svg", { class: "timeline", id: "timeline", viewBox: `0 0 ${width} ${row * hosts.length + 30}` });
  hosts.forEach((h, i) => {
    const y = 10 + i * row;
    chart.append(svg("text", { x: 4, y: y + 14 }, h.host));
    for (const s of h.steps || []) {
      const start = Date.parse(s.started);
      if (isNaN(start)) continue;
      const end = s.finished ? Date.parse(s.finished) : now;
      const bar = svg("rect", {
        x: scale(start), y: y + 3, height: row - 6,
        width: Math.max(2, scale(end) - scale(start)),
        class: s.finished ? (s.outcome || "ok").toLowerCase() : "running" });
      bar.append(svg("title", {}, `${s.step} ${(s.outcome || "running").toLowerCase()} ${s.seconds} s`));
      chart.append(bar);
      if (scale(end) - scale(start) > 8 * s.step.length) {
        chart.append(svg("text", { x: scale(start) + 3, y: y + 15, class: "step" }, s.step));
      }
    }
  });
  const axis = 10 + hosts.length * row + 14;
  chart.append(svg("text", { x: label, y: axis, class: "axis" }, new Date(from).toLocaleTimeString()));
  chart.append(svg("text", { x: width - 10, y: axis, class: "axis", "text-anchor": "end" },
    new Date(to).toLocaleTimeString() + " (" + Math.round((to - from) / 1000) + " s)"));
  return chart;
}

// ---- history ----

async function history(host) {
  const form = el("form", { id: "history-form", onsubmit: e => {
      e.preventDefault();
      location.hash = "#/history/" + encodeURIComponent(e.target.host.value);
    } },
    el("input", { name: "host", placeholder: "host", value: host || "" }), el("button", { type: "submit" }, "show"));
  if (!host) {
    show(el("h1", {}, "history"), form);
    return;
  }
  const list = await get("/hosts/" + encodeURIComponent(host) + "/history");
  show(el("h1", {}, "history of " + host), form,
    table(["when", "run", "by", "package", "from", "to"], list.map(c => el("tr", { class: "change-row" },
      el("td", {}, when(c.at)),
      el("td", {}, el("a", { href: "#/runs/" + encodeURIComponent(c.run) }, c.run)),
      el("td", {}, c.by || ""),
      el("td", {}, c.pkg),
      el("td", {}, c.from || "not installed"),
      el("td", {}, c.to || "removed")))));
}

// ---- routing ----

async function route() {
  if (following) {
    following.close();
    following = null;
  }
  const [path, query] = (location.hash.slice(1) || "/fleet").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query || "");
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("current", link.dataset.view === parts[0]);
  }
  try {
    if (parts[0] === "clusters") await clusters();
    else if (parts[0] === "runs" && parts[1]) await run(parts[1]);
    else if (parts[0] === "runs") await runs();
    else if (parts[0] === "history") await history(parts[1]);
    else await fleet(params);
  } catch (error) {
    show(failure(error));
  }
  // A User Timing mark once the view is painted (the frame after its DOM changed), so its time
  // since navigation can be read in the browser's tools, and by bench/serve.
  const drawn = "herd-drawn:" + (parts[0] || "fleet");
  requestAnimationFrame(() => setTimeout(() => performance.mark(drawn)));
}

document.addEventListener("DOMContentLoaded", () => {
  const token = document.getElementById("token");
  token.value = sessionStorage.getItem("herd-token") || "";
  document.getElementById("token-form").addEventListener("submit", e => {
    e.preventDefault();
    if (token.value) sessionStorage.setItem("herd-token", token.value);
    else sessionStorage.removeItem("herd-token");
  });
  get("").then(about => {
    document.getElementById("footer").textContent =
      "herd " + (about.version || "") + " — journal: " + (about.journal || "") + (about.readOnly ? " — read-only" : "");
  }).catch(() => {});
  window.addEventListener("hashchange", route);
  route();
});
