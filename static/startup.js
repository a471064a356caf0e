// Inlined into index.html by tools/post-build.mjs (minified there with terser, which is
// deterministic: Trunk's own minifier reorders inline scripts from build to build).
// When the app cannot start (no WebAssembly, a failed download) the shell says so instead of
// "Loading" for ever. Plain text only; once the app has mounted the shell is gone and this is idle.
(function () {
  var shell = document.getElementById("app-shell");
  var status = document.querySelector("#app-shell .app-loading");
  function say(text) {
    if (document.contains(status)) {
      status.textContent = text;
      status.classList.remove("sr-only");
    }
  }
  // The shell holds the home page; on any other page show the loading line in its place.
  if (!/^#?\/?$/.test(location.hash)) {
    shell.classList.add("elsewhere");
    status.classList.remove("sr-only");
  }
  function failed() {
    say("The practice app could not start in this browser. It needs JavaScript and WebAssembly: reload the page, or try a current version of Chrome, Edge, Firefox or Safari.");
  }
  // Capture phase: a script or preload that fails to download fires "error" on its element,
  // which does not bubble. Other resources (an icon) do not stop the app.
  addEventListener("error", function (event) {
    var t = event.target;
    if (t === window || t instanceof HTMLScriptElement || (t instanceof HTMLLinkElement && /\.(js|wasm)$/.test(t.href))) failed();
  }, true);
  addEventListener("unhandledrejection", failed);
  setTimeout(function () {
    say("Still loading… On a slow connection this can take a while. If nothing changes, reload the page.");
  }, 20000);
})();
