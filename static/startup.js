// Inlined into index.html's head by tools/post-build.mjs (minified there with terser, which is
// deterministic: Trunk's own minifier reorders inline scripts from build to build), in place of the
// loader Trunk writes; post-build fills in the file names of the JS glue and the wasm.
//
// 1. Puts the right first screen in the shell. The shell holds the home page, and other pages
//    prerendered from the app's own components, each in a <template data-route> (src/prerender.rs).
//    On any other page, or when a stored key means the app will show something else there (an exam
//    in progress) or a setting would change what it says (the accommodation's longer clock), the
//    shell shows the loading line instead. Until that is decided the shell is
//    hidden (the "app-starting" class, set before the body is parsed), so no frame shows the wrong
//    page and nothing moves when the right one appears.
// 2. Starts the app: at once where the shell shows only the loading line; where it shows a real
//    page, once that page is on screen, so nothing competes with its first paint and the app's
//    identical page replaces one already painted (no second, later paint of the same content).
// 3. When the app cannot start (no WebAssembly, a failed download) says so instead of "Loading" for
//    ever. Plain text only; once the app has mounted the shell is gone and this is idle.
(function () {
  var root = document.documentElement;
  // A route's path as the app reads it (Route::parse): "#/mock/" and "#mock" are both "mock".
  function path(hash) {
    return hash.replace(/^#*\/*/, "").replace(/\/*$/, "");
  }
  var route = path(location.hash);
  var home = route === "";
  if (!home) root.classList.add("app-starting");
  // The learner's settings as the app stores them ({"schema":1,"data":{...}}), read only for what
  // the first screen shows: the theme, set here before the first paint as the app will set it
  // (Theme::attribute), and settings a prerendered screen shows at their defaults.
  var settings = {};
  try {
    settings = JSON.parse(localStorage.getItem("clf-prep/settings")).data || {};
  } catch (e) {}
  if (settings.theme === "Light" || settings.theme === "Dark") {
    root.setAttribute("data-theme", settings.theme.toLowerCase());
  }

  function status() {
    return document.querySelector("#app-shell .app-loading");
  }
  function say(text) {
    var line = status();
    if (line) {
      line.textContent = text;
      line.classList.remove("sr-only");
    }
  }
  function failed() {
    say("The practice app could not start in this browser. It needs JavaScript and WebAssembly: reload the page, or try a current version of Chrome, Edge, Firefox or Safari.");
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    // Both files at once, as Trunk's preload links would fetch them.
    var wasm = fetch("__WASM__");
    import("__GLUE__")
      .then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          window.wasmBindings = glue;
        });
      })
      .catch(failed);
  }
  function startAfterPaint() {
    // A hidden tab paints nothing until it is shown.
    if (document.hidden) return start();
    addEventListener("visibilitychange", start);
    // The paint entry is reported once the frame is on screen.
    var observable = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!observable || observable.indexOf("paint") < 0) {
      return requestAnimationFrame(function () {
        setTimeout(start);
      });
    }
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) start();
    }).observe({ type: "paint", buffered: true });
  }
  function stored(key) {
    try {
      return !!key && localStorage.getItem(key) !== null;
    } catch (e) {
      return false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var shell = document.getElementById("app-shell");
    var screen = home ? null : [].find.call(shell.querySelectorAll("template[data-route]"), function (t) {
      return path(t.getAttribute("data-route")) === route && !stored(t.getAttribute("data-unless-stored")) &&
        !settings[t.getAttribute("data-unless-setting")];
    });
    if (screen) shell.replaceChildren(screen.content);
    else if (!home) {
      shell.classList.add("elsewhere");
      status().classList.remove("sr-only");
    }
    root.classList.remove("app-starting");
    if (home || screen) startAfterPaint();
    else start();
  });

  // Capture phase: a script that fails to load fires "error" on its element, which does not bubble;
  // an error thrown while the app starts reaches the window. Other resources (an icon) do not stop it.
  addEventListener("error", function (event) {
    var t = event.target;
    if (t === window || t instanceof HTMLScriptElement) failed();
  }, true);
  addEventListener("unhandledrejection", failed);
  setTimeout(function () {
    say("Still loading… On a slow connection this can take a while. If nothing changes, reload the page.");
  }, 20000);
})();
