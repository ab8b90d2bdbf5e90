// The example portal's own script (a file, not inline: the page runs under a strict CSP).
// `?lang=en` shows the page and every widget in English; the top bar shows today's date.
const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh-CN";

if (lang === "en") {
  document.documentElement.lang = "en";
  for (const el of document.querySelectorAll("[data-en]")) el.textContent = el.dataset.en;
  document.querySelector("#q")?.setAttribute("placeholder", "Keywords");
  document.querySelector(".nav")?.setAttribute("aria-label", "Main");
}
for (const el of document.querySelectorAll("main *")) {
  if (el.localName.startsWith("rf-")) el.setAttribute("lang", lang);
}

const today = document.querySelector("#today");
if (today) {
  today.textContent = new Intl.DateTimeFormat(lang, { dateStyle: "full" }).format(new Date());
}
