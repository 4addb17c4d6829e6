/*
 * Bygd example frontend: the calendar and the project database of a Bygd site, read from its
 * public API alone. No framework, no build step. Every text that comes from the API is put on
 * the page with textContent, never parsed as HTML, so an editor's "<b>" stays text.
 *
 * Open index.html?api=https://bygd.example.org (default http://127.0.0.1:8000); add &lang=en
 * to start in another of the site's languages.
 */
"use strict";

(function () {
  /* The page's own few labels. Content languages without a table here use English labels
     while the content itself still comes in the chosen language. */
  const UI = {
    sv: {
      skip: "Hoppa till innehållet",
      language: "Språk",
      heading: "Kalender och projekt",
      events: "Kommande evenemang",
      projects: "Projekt",
      search: "Sök",
      theme: "Tema",
      allThemes: "Alla teman",
      show: "Visa",
      more: "Visa fler",
      source: "Data från",
      loading: "Hämtar …",
      eventsCount: "{n} kommande tillfällen",
      projectsCount: "{n} projekt",
      noEvents: "Inga kommande evenemang.",
      noProjects: "Inga projekt matchar.",
      online: "Online",
      cancelled: "Inställt",
      postponed: "Uppskjutet",
      fallback: "Finns bara på {language}",
      planned: "Planerat",
      ongoing: "Pågående",
      completed: "Avslutat",
      unreachable: "Kunde inte nå {api}. Kontrollera adressen och att webbplatsen tillåter den här sidans ursprung (CORS).",
      failed: "Något gick fel ({status}).",
    },
    en: {
      skip: "Skip to content",
      language: "Language",
      heading: "Calendar and projects",
      events: "Upcoming events",
      projects: "Projects",
      search: "Search",
      theme: "Theme",
      allThemes: "All themes",
      show: "Show",
      more: "Show more",
      source: "Data from",
      loading: "Loading …",
      eventsCount: "{n} upcoming dates",
      projectsCount: "{n} projects",
      noEvents: "No upcoming events.",
      noProjects: "No projects match.",
      online: "Online",
      cancelled: "Cancelled",
      postponed: "Postponed",
      fallback: "Only available in {language}",
      planned: "Planned",
      ongoing: "Ongoing",
      completed: "Completed",
      unreachable: "Could not reach {api}. Check the address and that the site allows this page's origin (CORS).",
      failed: "Something went wrong ({status}).",
    },
  };

  const PAGE_SIZE = 10;
  const params = new URLSearchParams(window.location.search);
  const api = (params.get("api") || "http://127.0.0.1:8000").replace(/\/+$/, "");
  const state = { language: "sv", languages: [], timeZone: undefined, next: {}, loads: {} };

  const $ = (id) => document.getElementById(id);

  function t(key, values) {
    const table = UI[state.language] || UI.en;
    const text = table[key] !== undefined ? table[key] : UI.en[key];
    return text.replace(/\{(\w+)\}/g, (_match, name) => String(values[name]));
  }

  function languageName(code, inLanguage) {
    try {
      return new Intl.DisplayNames([inLanguage], { type: "language" }).of(code) || code;
    } catch (_error) {
      return code;
    }
  }

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  }

  /* Only http(s) links from the API become hrefs, so a stored "javascript:" URL cannot run. */
  function safeUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_error) {
      return null;
    }
  }

  /* A title as a link where the API gives a page address, marked with the content's own
     language when it is not the page's (a fallback), so screen readers pronounce it right. */
  function titleNode(title, url, locale) {
    const heading = element("h3");
    const href = safeUrl(url);
    const target = href ? element("a", title, { href }) : element("span", title);
    if (locale && locale !== state.language) target.setAttribute("lang", locale);
    heading.append(target);
    return heading;
  }

  class ApiError extends Error {}

  /* GET a URL of the API; rejects with a message fit to show: the API's own error message
     (its {"error": {"code", "message", "fields"}} format) or a plain one when there is none. */
  async function getJson(url, signal) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" }, signal });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new ApiError(t("unreachable", { api }));
    }
    let body = null;
    try {
      body = await response.json();
    } catch (_error) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && body.error;
      if (!detail || !detail.message) throw new ApiError(t("failed", { status: response.status }));
      const fields = Object.entries(detail.fields || {}).map(
        ([name, messages]) => `${name}: ${[].concat(messages).join(" ")}`
      );
      throw new ApiError([detail.message, ...fields].join(" "));
    }
    if (body === null) throw new ApiError(t("failed", { status: response.status }));
    return body;
  }

  function showError(id, error) {
    const box = $(id);
    box.textContent = error ? error.message : "";
    box.hidden = !error;
  }

  /* Loads one list (or its next page) and renders it; a newer load of the same list cancels an
     older one still under way, so quick language switches never mix languages. */
  async function loadList(name, url, append, render) {
    if (state.loads[name]) state.loads[name].abort();
    const controller = new AbortController();
    state.loads[name] = controller;
    const list = $(`${name}-list`);
    const status = $(`${name}-status`);
    const more = $(`${name}-more`);
    list.setAttribute("aria-busy", "true");
    status.textContent = t("loading");
    more.hidden = true;
    showError(`${name}-error`, null);
    try {
      const body = await getJson(url, controller.signal);
      if (!append) list.replaceChildren();
      const items = body.results.map(render);
      list.append(...items);
      /* "Show more" hides itself while loading; keyboard users continue at the first new item. */
      const first = append && items.length ? items[0].querySelector("a") : null;
      if (first) first.focus();
      state.next[name] = body.next;
      more.hidden = !body.next;
      status.textContent =
        body.count === 0
          ? t(name === "events" ? "noEvents" : "noProjects")
          : t(`${name}Count`, { n: body.count });
    } catch (error) {
      if (error.name === "AbortError") return;
      if (!append) list.replaceChildren();
      status.textContent = "";
      showError(`${name}-error`, error);
    } finally {
      if (state.loads[name] === controller) {
        list.removeAttribute("aria-busy");
        delete state.loads[name];
      }
    }
  }

  function query(path, extra) {
    const url = new URL(`${api}${path}`);
    url.searchParams.set("locale", state.language);
    url.searchParams.set("page_size", String(PAGE_SIZE));
    for (const [name, value] of Object.entries(extra || {})) {
      if (value) url.searchParams.set(name, value);
    }
    return url.href;
  }

  function formatWhen(occurrence) {
    const options = { weekday: "short", day: "numeric", month: "long" };
    if (occurrence.all_day) {
      const format = new Intl.DateTimeFormat(state.language, { ...options, timeZone: "UTC" });
      const first = new Date(`${occurrence.start}T00:00:00Z`);
      const last = new Date(new Date(`${occurrence.end}T00:00:00Z`).getTime() - 86400000);
      return first >= last ? format.format(first) : format.formatRange(first, last);
    }
    const format = new Intl.DateTimeFormat(state.language, {
      ...options,
      hour: "2-digit",
      minute: "2-digit",
      timeZone: state.timeZone,
    });
    return format.formatRange(new Date(occurrence.start), new Date(occurrence.end));
  }

  function renderOccurrence(occurrence) {
    const event = occurrence.event;
    const item = element("li", null, { class: "card" });
    item.append(
      element("p", formatWhen(occurrence), { class: "when" }),
      titleNode(event.title, event.url, event.locale)
    );
    if (event.summary) item.append(element("p", event.summary));
    const venue = event.venue;
    const where = venue ? [venue.name, venue.town].filter(Boolean).join(", ") : t("online");
    item.append(element("p", where, { class: "meta" }));
    const status = occurrence.status !== "scheduled" ? occurrence.status : event.status;
    if (status === "cancelled" || status === "postponed") {
      item.append(element("p", t(status), { class: "flag" }));
    }
    if (event.is_fallback) {
      const language = languageName(event.locale, state.language);
      item.append(element("p", t("fallback", { language }), { class: "meta" }));
    }
    return item;
  }

  function renderProject(project) {
    const item = element("li", null, { class: "card" });
    item.append(titleNode(project.title, project.html_url, project.locale));
    if (project.summary) item.append(element("p", project.summary));
    const facts = [
      UI.en[project.status] ? t(project.status) : project.status,
      ...project.themes.map((theme) => theme.name),
      ...project.places.map((place) => place.name),
    ];
    item.append(element("p", facts.filter(Boolean).join(" · "), { class: "meta" }));
    if (project.is_fallback) {
      const language = languageName(project.locale, state.language);
      item.append(element("p", t("fallback", { language }), { class: "meta" }));
    }
    return item;
  }

  const loadEvents = () => loadList("events", query("/api/events/"), false, renderOccurrence);

  function loadProjects() {
    const extra = { q: $("project-q").value.trim(), theme: $("project-theme").value };
    return loadList("projects", query("/api/projects/", extra), false, renderProject);
  }

  /* The theme menu in the chosen language; the chosen theme stays chosen across a switch
     because slugs are the same in every language. */
  async function loadThemes() {
    const select = $("project-theme");
    const chosen = select.value;
    const url = new URL(`${api}/api/themes/`);
    url.searchParams.set("locale", state.language);
    url.searchParams.set("page_size", "100");
    const body = await getJson(url.href);
    const themes = Array.isArray(body) ? body : body.results;
    const all = element("option", t("allThemes"), { value: "" });
    select.replaceChildren(
      all,
      ...themes.map((theme) => element("option", theme.name, { value: theme.slug }))
    );
    select.value = themes.some((theme) => theme.slug === chosen) ? chosen : "";
  }

  function applyLabels() {
    document.documentElement.lang = state.language;
    for (const node of document.querySelectorAll("[data-i18n]")) {
      node.textContent = t(node.dataset.i18n);
    }
    document.title = `${$("site-name").textContent} – ${t("heading")}`;
  }

  function renderSwitcher() {
    const list = $("language-switcher");
    list.replaceChildren(
      ...state.languages.map((language) => {
        const button = element("button", languageName(language.code, language.code), {
          type: "button",
          lang: language.code,
          "data-language": language.code,
          "aria-pressed": String(language.code === state.language),
        });
        button.addEventListener("click", () => switchLanguage(language.code));
        const item = element("li");
        item.append(button);
        return item;
      })
    );
  }

  async function switchLanguage(code) {
    state.language = code;
    const url = new URL(window.location.href);
    url.searchParams.set("lang", code);
    window.history.replaceState(null, "", url.href);
    applyLabels();
    renderSwitcher();
    $(`language-switcher`).querySelector(`[data-language="${code}"]`).focus();
    await reload();
  }

  async function reload() {
    try {
      await loadThemes();
      showError("site-error", null);
    } catch (error) {
      showError("site-error", error);
    }
    await Promise.all([loadEvents(), loadProjects()]);
  }

  async function start() {
    const link = $("api-link");
    link.textContent = api;
    const home = safeUrl(api);
    if (home) link.href = home;
    applyLabels();
    $("project-search").addEventListener("submit", (event) => {
      event.preventDefault();
      loadProjects();
    });
    for (const name of ["events", "projects"]) {
      $(`${name}-more`).addEventListener("click", () => {
        const render = name === "events" ? renderOccurrence : renderProject;
        loadList(name, state.next[name], true, render);
      });
    }
    let site;
    try {
      site = await getJson(`${api}/api/site/`);
    } catch (error) {
      showError("site-error", error);
      return;
    }
    $("site-name").textContent = site.name;
    state.timeZone = site.time_zone;
    state.languages = site.languages;
    const wanted = params.get("lang");
    const fallback = site.languages.find((language) => language.default) || site.languages[0];
    state.language = site.languages.some((language) => language.code === wanted)
      ? wanted
      : fallback.code;
    applyLabels();
    renderSwitcher();
    await reload();
  }

  start();
})();
