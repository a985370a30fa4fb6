(function () {
  "use strict";
  // The map of Germany: pan and zoom by the SVG viewBox; markers and labels keep their size on
  // screen (--om-k); labels that would overlap are hidden, most important first; legend entries
  // filter and re-fit the view; lists and search zoom to regions.
  var started = performance.now();
  var data = JSON.parse(document.getElementById("om-data").textContent);
  var svg = document.getElementById("om-map");
  var details = document.getElementById("om-details");
  var search = document.getElementById("om-search");
  var matches = document.getElementById("om-matches");
  var status = document.getElementById("om-status");
  var home = svg.getAttribute("data-view").split(" ").map(Number);
  var view = home.slice();
  var hidden = {};
  var regionPaths = Array.prototype.slice.call(svg.querySelectorAll(".om-region"));
  var markers = Array.prototype.slice.call(svg.querySelectorAll(".om-marker"));
  var labels = Array.prototype.slice.call(svg.querySelectorAll(".om-label"));
  var byCode = {};
  regionPaths.forEach(function (p) { byCode[p.getAttribute("data-code")] = p; });
  var labelOf = {};
  labels.forEach(function (el) { var m = el.getAttribute("data-marker"); if (m) labelOf[m] = el; });
  // A marker's label, tooltip, details (beyond the tooltip) and related markers.
  function markerInfo(el) {
    var extra = data.markers[el.id] || {};
    var tip = el.querySelector("title") ? el.querySelector("title").textContent : "";
    return {id: el.getAttribute("data-id"), label: labelOf[el.id] ? labelOf[el.id].textContent : "",
            details: extra.details || tip, related: extra.related || []};
  }
  status.textContent = data.words.counts;

  function setView(v) {
    view = v;
    svg.setAttribute("viewBox", v.join(" "));
    svg.style.setProperty("--om-k", String(v[2] / home[2]));
    declutter();
  }

  // Screen pixels per map unit and the offset of the view inside the element (preserveAspectRatio meet).
  function frame() {
    var rect = svg.getBoundingClientRect();
    var s = Math.min(rect.width / view[2], rect.height / view[3]);
    return {s: s, ox: rect.left + (rect.width - view[2] * s) / 2, oy: rect.top + (rect.height - view[3] * s) / 2};
  }

  function toScreen(f, x, y) { return [f.ox + (x - view[0]) * f.s, f.oy + (y - view[1]) * f.s]; }

  // Greedy label placement: labels come sorted by priority; one is shown only where no shown one is.
  function declutter() {
    var f = frame();
    var k = view[2] / home[2];
    var taken = [];
    var rect = svg.getBoundingClientRect();
    var base = data.labelUnits * k * f.s;
    var sorted = labels.slice().sort(function (a, b) { return b.getAttribute("data-priority") - a.getAttribute("data-priority"); });
    sorted.forEach(function (el) {
      var markerId = el.getAttribute("data-marker");
      var owner = markerId ? document.getElementById(markerId) : null;
      if (owner && owner.classList.contains("om-hidden")) { el.classList.add("om-off"); return; }
      var size = markerId ? base * 0.85 : base;
      var x = +el.getAttribute("x"), y = +el.getAttribute("y");
      var p = toScreen(f, x, y);
      var w = el.textContent.length * size * 0.56, h = size * 1.15;
      var box = markerId ? [p[0] + size * 0.9, p[1] - h / 2, p[0] + size * 0.9 + w, p[1] + h / 2]
                         : [p[0] - w / 2, p[1] - h / 2, p[0] + w / 2, p[1] + h / 2];
      if (markerId) {
        el.setAttribute("dx", String(data.markerUnits * k * 1.4));
      }
      var outside = box[2] < rect.left || box[0] > rect.right || box[3] < rect.top || box[1] > rect.bottom;
      var clash = outside || taken.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; });
      el.classList.toggle("om-off", clash);
      if (!clash) taken.push(box);
    });
  }

  function fitBox(box, margin) {
    if (!box) return setView(home.slice());
    var m = margin === undefined ? 0.08 : margin;
    var w = Math.max(box[2] - box[0], 400), h = Math.max(box[3] - box[1], 400);
    var cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2;
    w *= 1 + 2 * m; h *= 1 + 2 * m;
    var rect = svg.getBoundingClientRect();
    var aspect = rect.width / Math.max(rect.height, 1);
    if (w / h < aspect) w = h * aspect; else h = w / aspect;
    setView([cx - w / 2, cy - h / 2, w, h]);
  }

  function union(boxes) {
    if (!boxes.length) return null;
    return boxes.reduce(function (a, b) { return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]; });
  }

  function boxOf(el) {
    if (el.classList.contains("om-marker")) {
      var at = el.getAttribute("transform").match(/-?[\d.]+/g).map(Number);
      return [at[0], at[1], at[0], at[1]];
    }
    var b = el.getBBox();
    return [b.x, b.y, b.x + b.width, b.y + b.height];
  }

  // What a filter leaves to look at: regions of a ticked category that is not the base map, and visible markers.
  function visibleBox() {
    var boxes = [];
    regionPaths.forEach(function (p) {
      if (!hidden[p.getAttribute("data-category")] && !p.hasAttribute("data-base")) boxes.push(boxOf(p));
    });
    markers.forEach(function (m) { if (!m.classList.contains("om-hidden")) boxes.push(boxOf(m)); });
    return union(boxes);
  }

  function applyFilters() {
    document.querySelectorAll("#om-legend input").forEach(function (box) { hidden[box.dataset.category] = !box.checked; });
    regionPaths.forEach(function (p) { p.classList.toggle("om-dim", !!hidden[p.getAttribute("data-category")]); });
    markers.forEach(function (m) { m.classList.toggle("om-hidden", !!hidden[m.getAttribute("data-category")]); });
    svg.querySelectorAll("#om-gaps [data-category], #om-plan").forEach(function (el) {
      el.classList.toggle("om-hidden", !!hidden[el.getAttribute("data-category")]);
    });
    fitBox(visibleBox());
  }
  document.querySelectorAll("#om-legend input").forEach(function (box) { box.addEventListener("change", applyFilters); });

  function select(elements) {
    svg.querySelectorAll(".om-selected, .om-related").forEach(function (el) { el.classList.remove("om-selected", "om-related"); });
    elements.forEach(function (el) { el.classList.add("om-selected"); });
  }

  function showRegion(code, zoom) {
    var path = byCode[code];
    if (!path) return;
    select([path]);
    details.textContent = data.regions[code] ? data.regions[code].details : path.textContent;
    if (zoom) fitBox(boxOf(path), 0.6);
  }

  function showMarker(el) {
    var m = markerInfo(el);
    select([el]);
    details.textContent = m.details;
    m.related.forEach(function (id) {
      markers.forEach(function (other) { if (other.getAttribute("data-id") === id) other.classList.add("om-related"); });
    });
  }

  var drag = null;
  svg.addEventListener("pointerdown", function (e) {
    drag = {x: e.clientX, y: e.clientY, view: view.slice(), moved: false, target: e.target};
  });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; svg.setPointerCapture(e.pointerId); svg.classList.add("om-dragging"); }
    var s = frame().s;
    view = [drag.view[0] - dx / s, drag.view[1] - dy / s, drag.view[2], drag.view[3]];
    svg.setAttribute("viewBox", view.join(" "));
  });
  svg.addEventListener("pointerup", function () {
    if (drag && drag.moved) { svg.classList.remove("om-dragging"); declutter(); }
    else if (drag) {
      var marker = drag.target.closest ? drag.target.closest(".om-marker") : null;
      if (marker) showMarker(marker);
      else if (drag.target.classList && drag.target.classList.contains("om-region")) showRegion(drag.target.getAttribute("data-code"), false);
    }
    drag = null;
  });
  var wheelTimer = null;
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var f = frame();
    var mx = view[0] + (e.clientX - f.ox) / f.s, my = view[1] + (e.clientY - f.oy) / f.s;
    var z = Math.exp(Math.max(-1, Math.min(1, e.deltaY / 300)));
    var w = Math.min(Math.max(view[2] * z, home[2] / 60), home[2] * 3);
    var r = w / view[2];
    view = [mx - (mx - view[0]) * r, my - (my - view[1]) * r, view[2] * r, view[3] * r];
    svg.setAttribute("viewBox", view.join(" "));
    svg.style.setProperty("--om-k", String(view[2] / home[2]));
    clearTimeout(wheelTimer);
    wheelTimer = setTimeout(declutter, 80);
  }, {passive: false});

  document.getElementById("om-reset").addEventListener("click", function () {
    select([]);
    setView(home.slice());
  });

  document.querySelectorAll(".om-list button[data-code]").forEach(function (button) {
    button.addEventListener("click", function () { showRegion(button.getAttribute("data-code"), true); });
  });

  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    if (!q) { select([]); matches.textContent = ""; return; }
    var found = regionPaths.filter(function (p) {
      var r = data.regions[p.getAttribute("data-code")] || {};
      return (r.name || "").toLowerCase().indexOf(q) >= 0 || p.getAttribute("data-code").toLowerCase() === q;
    });
    found = found.concat(markers.filter(function (m) {
      var d = markerInfo(m);
      return !m.classList.contains("om-hidden") &&
        (d.label.toLowerCase().indexOf(q) >= 0 || String(d.id).toLowerCase().indexOf(q) >= 0);
    }));
    select(found);
    matches.textContent = data.words.matches.replace("{count}", found.length);
    if (found.length) fitBox(union(found.map(boxOf)), 0.4);
    if (found.length === 1) {
      if (found[0].classList.contains("om-marker")) showMarker(found[0]);
      else showRegion(found[0].getAttribute("data-code"), false);
    }
  });

  // The map as a PNG: the SVG (its own styles inside) drawn on a canvas at twice the screen size.
  function toPng() {
    return new Promise(function (resolve, reject) {
      var rect = svg.getBoundingClientRect();
      var clone = svg.cloneNode(true);
      clone.setAttribute("width", String(Math.round(rect.width)));
      clone.setAttribute("height", String(Math.round(rect.height)));
      clone.style.background = "#ffffff";
      var text = new XMLSerializer().serializeToString(clone);
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(rect.width * 2);
        canvas.height = Math.round(rect.height * 2);
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
        resolve(canvas.toDataURL("image/png"));
      };
      image.onerror = function () { reject(new Error("the map could not be drawn as an image")); };
      image.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(text)));
    });
  }
  document.getElementById("om-png").addEventListener("click", function () {
    toPng().then(function (url) {
      var link = document.createElement("a");
      link.href = url;
      link.download = (document.title || "map").replace(/[^\w\u00C0-\u024F-]+/g, "_") + ".png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });

  setView(home.slice());
  window.addEventListener("resize", declutter);
  window.omMap = {
    kind: "geo",
    stabilized: true,
    stabilizedAfterMs: performance.now() - started,
    view: function () { return view.slice(); },
    toScreen: function (x, y) { return toScreen(frame(), x, y); },
    toPng: toPng,
    summary: function () {
      return {nodes: regionPaths.length + markers.length, edges: 0, ms: window.omMap.stabilizedAfterMs, physics: false};
    }
  };
})();
