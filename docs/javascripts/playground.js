// The learning-rate playgrounds of the lesson (one weight and two weights).
// Each <div class="gd-playground" data-config="…"> is written by gdlesson/playground.py:
// the cost's rows X and targets y, the lesson's start and rate, the slider's rates and
// the rules of gdlesson.descent. descend() repeats gradient_descent step for step;
// tests/browser/test_playground.py checks every path against it. No library.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var BIG = 1e5; // screen coordinates are clamped to ±BIG pixels

  // --- The descent, as gdlesson.descent.gradient_descent computes it ------------

  function costOf(X, y) {
    var d = X[0].length;
    function error(w) { // X·w − y, row by row
      return X.map(function (row, i) {
        var s = 0;
        for (var j = 0; j < d; j++) s += row[j] * w[j];
        return s - y[i];
      });
    }
    return {
      d: d,
      value: function (w) { // ½ Σ eᵢ²
        var e = error(w), s = 0;
        for (var i = 0; i < e.length; i++) s += 0.5 * e[i] * e[i];
        return s;
      },
      gradient: function (w) { // Σᵢ eᵢ·xᵢ
        var e = error(w), g = [];
        for (var j = 0; j < d; j++) {
          var s = 0;
          for (var i = 0; i < e.length; i++) s += e[i] * X[i][j];
          g.push(s);
        }
        return g;
      },
    };
  }

  function flat(g, tolerance) {
    var s = 0;
    for (var j = 0; j < g.length; j++) s += g[j] * g[j];
    return Math.sqrt(s) < tolerance;
  }

  // {path, costs, status, steps}: "converged" (slope below tolerance), "diverged"
  // (cost non-finite, or above blowup·max(C(start), 1)) or "stopped" (max_steps ran out).
  function descend(cfg, start, rate) {
    var cost = cfg.cost || (cfg.cost = costOf(cfg.X, cfg.y));
    var w = start.slice(), path = [w], costs = [cost.value(w)];
    var limit = cfg.blowup * Math.max(costs[0], 1), status = null;
    for (var k = 0; k < cfg.max_steps && !status; k++) {
      var g = cost.gradient(w);
      if (flat(g, cfg.tolerance)) { status = "converged"; break; }
      w = w.map(function (v, j) { return v - rate * g[j]; });
      var c = w.every(isFinite) ? cost.value(w) : Infinity;
      if (!isFinite(c)) { status = "diverged"; break; }
      path.push(w);
      costs.push(c);
      if (c > limit) status = "diverged";
    }
    if (!status) status = flat(cost.gradient(w), cfg.tolerance) ? "converged" : "stopped";
    return { path: path, costs: costs, status: status, steps: costs.length - 1, rate: rate };
  }

  // --- Small helpers ----------------------------------------------------------------

  var SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  function sup(n) {
    return (n < 0 ? "⁻" : "") + String(Math.abs(n)).replace(/\d/g, function (c) { return SUP[c]; });
  }
  // A number for the reader: never NaN or Infinity, huge ones as 3.21 × 10¹⁵⁰.
  function fmt(x, digits) {
    if (!isFinite(x)) return "—";
    var a = Math.abs(x);
    if (a !== 0 && (a >= 1e4 || a < 1e-3)) {
      var e = Math.floor(Math.log10(a)), m = x / Math.pow(10, e);
      if (Math.abs(m) >= 9.995) { m /= 10; e += 1; }
      return (m.toFixed(2) + " × 10" + sup(e)).replace("-", "−");
    }
    return x.toFixed(digits).replace("-", "−");
  }
  function count(n) { return n.toLocaleString("en-US"); }
  function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }
  function el(tag, attrs, parent, text) {
    var node = tag.charAt(0) === "$" ? document.createElementNS(SVG, tag.slice(1)) : document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function verdict(rate, cfg) {
    var x = rate * cfg.curvature;
    if (x >= 2) return ["too large: it diverges", "large"];
    if (x > 1) return ["zig-zags across the minimum", "zigzag"];
    if (x >= 0.1) return ["just right", "right"];
    return ["too small: it barely moves", "small"];
  }
  var STATUS = {
    converged: "converged: the slope is flat",
    diverged: "diverged: the cost blew up and the ball left the plot",
    stopped: "stopped: the step limit ran out first",
  };

  // --- One playground ---------------------------------------------------------------

  function init(root) {
    if (root.gdState) return;
    var cfg = JSON.parse(root.getAttribute("data-config"));
    var two = cfg.kind === "2d", id = root.id, names = two ? ["w₁", "w₂"] : ["w"];
    var inv = Math.round(1 / cfg.start_step);
    var snap = function (v) { return Math.round(v * inv) / inv; };
    var win = cfg.window;
    var state = { start: cfg.start.slice(), rate: cfg.rate, run: null, shown: 0, timer: null };
    var reduce = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;

    root.textContent = "";
    root.classList.add("gd-playground--" + cfg.kind);
    var plot = el("div", { class: "gd-pg__plot" }, root);
    var svg = el("$svg", { class: "gd-pg__svg", role: "group" }, plot);
    var panel = el("div", { class: "gd-pg__panel" }, root);

    // The learning rate: a slider over the config's rates (a log scale).
    var row = el("div", { class: "gd-pg__row" }, panel);
    el("label", { for: id + "-rate" }, row, "Learning rate η");
    var rateOut = el("output", { for: id + "-rate", class: "gd-pg__value" }, row);
    var rateInput = el("input", {
      type: "range", id: id + "-rate", min: 0, max: cfg.rates.length - 1, step: 1,
      "aria-describedby": id + "-verdict",
    }, row);
    var scale = el("div", { class: "gd-pg__scale", "aria-hidden": "true" }, row);
    var verdictOut = el("p", { class: "gd-pg__verdict", id: id + "-verdict" }, row);
    zones(scale);

    // The start point: one slider per weight.
    var startInputs = names.map(function (name, j) {
      var r = el("div", { class: "gd-pg__row gd-pg__row--start" }, panel);
      el("label", { for: id + "-start" + j }, r, "Start " + name);
      var out = el("output", { for: id + "-start" + j, class: "gd-pg__value" }, r);
      var input = el("input", {
        type: "range", id: id + "-start" + j, min: win[j][0], max: win[j][1], step: cfg.start_step,
      }, r);
      input.out = out;
      input.addEventListener("input", function () {
        var s = state.start.slice();
        s[j] = snap(input.valueAsNumber);
        setStart(s);
      });
      return input;
    });

    var buttons = el("div", { class: "gd-pg__buttons" }, panel);
    var stepBtn = el("button", { type: "button", class: "gd-pg__button" }, buttons, "Step");
    var playBtn = el("button", { type: "button", class: "gd-pg__button gd-pg__button--play" }, buttons, "Play");
    var resetBtn = el("button", { type: "button", class: "gd-pg__button" }, buttons, "Reset");

    var readout = el("dl", { class: "gd-pg__readout" }, panel);
    function item(term) {
      var box = el("div", {}, readout);
      el("dt", {}, box, term);
      return el("dd", {}, box);
    }
    var stepOut = item("step"), wOut = item(two ? "(w₁, w₂)" : "w"), cOut = item("cost C");
    var status = el("p", { class: "gd-pg__status", role: "status" }, panel);
    var compare = el("p", { class: "gd-pg__compare" }, panel);

    // The plot: axes and cost drawn by layout(), the path and ball by draw().
    var bg = el("$g", {}, svg), clipId = id + "-clip";
    var clip = el("$rect", {}, el("$clipPath", { id: clipId }, el("$defs", {}, svg)));
    var layer = el("$g", { "clip-path": "url(#" + clipId + ")" }, svg);
    var line = el("$path", { class: "gd-pg__path" }, layer);
    var dots = el("$path", { class: "gd-pg__dots" }, layer);
    var startMark = el("$circle", { class: "gd-pg__start", r: 5 }, layer);
    var ball = el("$g", { class: "gd-pg__ball" }, svg);
    el("$circle", { r: 8 }, ball);
    var handle = two ? svg : ball;
    handle.setAttribute("tabindex", "0");
    if (two) {
      svg.setAttribute("aria-label", "Contour map of the cost: click, or use the arrow keys, to move the start point");
    } else {
      ball.setAttribute("role", "slider");
      ball.setAttribute("aria-label", "Ball: start point w (drag it, or use the arrow keys)");
      ball.setAttribute("aria-valuemin", win[0][0]);
      ball.setAttribute("aria-valuemax", win[0][1]);
    }
    var W = 0, H = 0, box = null, sx, sy;

    function zones(scale) {
      var lo = Math.log(cfg.rates[0]), span = Math.log(cfg.rates[cfg.rates.length - 1]) - lo;
      var at = function (r) { return clamp((Math.log(r) - lo) / span * 100, 0, 100).toFixed(1) + "%"; };
      var L = cfg.curvature, a = at(0.1 / L), b = at(1 / L), c = at(2 / L);
      scale.style.setProperty("--a", a);
      scale.style.setProperty("--b", b);
      scale.style.setProperty("--c", c);
      el("span", { class: "gd-pg__edge", style: "left:" + c }, scale, "2/L");
    }

    function layout() {
      var width = plot.clientWidth || 320;
      if (width === W && box) return;
      W = width;
      var pad = { l: 44, r: 12, t: 12, b: 36 };
      var dx = win[0][1] - win[0][0], dy = win[1][1] - win[1][0];
      var pw = W - pad.l - pad.r, ph;
      if (two) { // equal scales: a step across the valley looks as it is
        ph = pw * dy / dx;
        H = ph + pad.t + pad.b;
      } else {
        H = clamp(Math.round(W * 0.5), 220, 340);
        ph = H - pad.t - pad.b;
      }
      box = { x: pad.l, y: pad.t, w: pw, h: ph };
      sx = function (v) { return clamp(pad.l + (v - win[0][0]) / dx * pw, -BIG, BIG); };
      sy = function (v) { return clamp(pad.t + ph - (v - win[1][0]) / dy * ph, -BIG, BIG); };
      svg.setAttribute("viewBox", "0 0 " + W + " " + H);
      svg.setAttribute("width", W);
      svg.setAttribute("height", H);
      clip.setAttribute("x", box.x);
      clip.setAttribute("y", box.y);
      clip.setAttribute("width", box.w);
      clip.setAttribute("height", box.h);
      bg.textContent = "";
      if (two) contours(); else curve();
      axes();
      draw();
    }

    function ticks(lo, hi) {
      var out = [];
      for (var t = Math.ceil(lo); t <= hi + 1e-9; t += 1) out.push(t);
      if (out.length > 5) out = out.filter(function (t) { return t % 5 === 0; });
      return out;
    }

    function axes() {
      el("$rect", { class: "gd-pg__frame", x: box.x, y: box.y, width: box.w, height: box.h }, bg);
      ticks(win[0][0], win[0][1]).forEach(function (t) {
        el("$text", { x: sx(t), y: box.y + box.h + 16, "text-anchor": "middle" }, bg, fmt(t, 0));
      });
      ticks(win[1][0], win[1][1]).forEach(function (t) {
        el("$text", { x: box.x - 6, y: sy(t) + 4, "text-anchor": "end" }, bg, fmt(t, 0));
      });
      el("$text", { x: box.x + box.w, y: H - 4, "text-anchor": "end", class: "gd-pg__label" }, bg,
        two ? "w₁ (area)" : "weight w");
      el("$text", { x: 4, y: box.y + 10, class: "gd-pg__label" }, bg, two ? "w₂" : "C");
    }

    function curve() {
      var d = "", n = 200;
      for (var i = 0; i <= n; i++) {
        var w = win[0][0] + (win[0][1] - win[0][0]) * i / n;
        d += (i ? "L" : "M") + sx(w).toFixed(1) + " " + sy(cfg.cost.value([w])).toFixed(1);
      }
      el("$path", { class: "gd-pg__curve", d: d, "clip-path": "url(#" + clipId + ")" }, bg);
      minimum();
    }

    function minimum() {
      var m = cfg.minimum, x = sx(m[0]), y = two ? sy(m[1]) : sy(cfg.cost.value(m));
      var d = "";
      for (var i = 0; i < 10; i++) { // a star, as in the figures
        var r = i % 2 ? 3.5 : 8, a = Math.PI * i / 5;
        d += (i ? "L" : "M") + (x + r * Math.sin(a)).toFixed(1) + " " + (y - r * Math.cos(a)).toFixed(1);
      }
      el("$path", { class: "gd-pg__min", d: d + "Z" }, bg);
    }

    // Contours of a quadratic cost are ellipses around the minimum: C = C* + ½ δᵀ(XᵀX)δ.
    function contours() {
      var A = [0, 0, 0], X = cfg.X;
      X.forEach(function (r) { A[0] += r[0] * r[0]; A[1] += r[0] * r[1]; A[2] += r[1] * r[1]; });
      var mid = (A[0] + A[2]) / 2, rad = Math.hypot((A[0] - A[2]) / 2, A[1]);
      var big = mid + rad, small = mid - rad, angle = Math.atan2(big - A[0], A[1]) * 180 / Math.PI;
      var lowest = cfg.cost.value(cfg.minimum), k = box.w / (win[0][1] - win[0][0]);
      var cx = sx(cfg.minimum[0]), cy = sy(cfg.minimum[1]);
      var g = el("$g", { "clip-path": "url(#" + clipId + ")" }, bg);
      cfg.levels.slice().reverse().forEach(function (level, i, all) {
        var h = 2 * (level - lowest);
        var e = el("$ellipse", {
          class: "gd-pg__ring", cx: cx, cy: cy, rx: k * Math.sqrt(h / big), ry: k * Math.sqrt(h / small),
          transform: "rotate(" + (-angle).toFixed(2) + " " + cx + " " + cy + ")",
        }, g);
        e.style.fillOpacity = (0.05 + 0.3 * i / all.length).toFixed(3);
        var lx = cx + k * Math.sqrt(h / small) * Math.cos((90 - angle) * Math.PI / 180);
        if (level >= 0.5 && lx < box.x + box.w - 8) {
          el("$text", { class: "gd-pg__level", x: lx, y: cy - k * Math.sqrt(h / small) * Math.sin((90 - angle) * Math.PI / 180) }, g, String(level));
        }
      });
      minimum();
    }

    function point(k) {
      var w = state.run.path[k];
      return [sx(w[0]), two ? sy(w[1]) : sy(state.run.costs[k])];
    }

    function draw() {
      if (!box) return;
      var run = state.run, n = state.shown, d = "", dd = "";
      for (var k = 0; k <= n; k++) {
        var p = point(k), xy = p[0].toFixed(1) + " " + p[1].toFixed(1);
        d += (k ? "L" : "M") + xy;
        dd += "M" + xy + "h0";
      }
      line.setAttribute("d", d);
      dots.setAttribute("d", dd);
      var s = point(0), p = point(n);
      startMark.setAttribute("cx", s[0]);
      startMark.setAttribute("cy", s[1]);
      var out = p[0] < box.x || p[0] > box.x + box.w || p[1] < box.y || p[1] > box.y + box.h;
      ball.setAttribute("transform", "translate(" + clamp(p[0], box.x, box.x + box.w) + " " + clamp(p[1], box.y, box.y + box.h) + ")");
      ball.classList.toggle("is-out", out);
      readouts();
    }

    function readouts() {
      var run = state.run, n = state.shown, w = run.path[n], done = n === run.steps;
      stepOut.textContent = count(n) + (done ? "" : " of " + count(run.steps));
      wOut.textContent = two ? "(" + fmt(w[0], 3) + ", " + fmt(w[1], 3) + ")" : fmt(w[0], 4);
      cOut.textContent = fmt(run.costs[n], 4);
      var text = done ? STATUS[run.status] : state.timer ? "rolling…" : n ? "paused" : "ready: press Step or Play";
      status.textContent = text;
      root.setAttribute("data-status", done ? run.status : "");
      root.setAttribute("data-shown", n);
      root.classList.toggle("is-diverged", done && run.status === "diverged");
      playBtn.textContent = state.timer ? "Pause" : "Play";
      var grid = two ? count(cfg.candidates) + "² = " + count(Math.pow(cfg.candidates, 2)) : count(cfg.candidates);
      compare.textContent = "Gradient descent: " + count(run.steps) + " steps, " + run.status +
        ". Brute force on a grid: " + grid + " evaluations of C.";
    }

    function compute() {
      stop();
      state.run = descend(cfg, state.start, state.rate);
      state.shown = 0;
      var v = verdict(state.rate, cfg);
      rateInput.value = cfg.rates.indexOf(state.rate);
      rateInput.setAttribute("aria-valuetext", state.rate + ", " + v[0]);
      rateOut.textContent = String(state.rate);
      verdictOut.textContent = v[0][0].toUpperCase() + v[0].slice(1) + " (2/L = " + fmt(cfg.max_rate, 4) + ")";
      verdictOut.className = "gd-pg__verdict is-" + v[1];
      startInputs.forEach(function (input, j) {
        input.value = state.start[j];
        input.out.textContent = fmt(state.start[j], 2);
      });
      if (two) {
        svg.setAttribute("aria-description", "Start point (" + state.start.join(", ") + ")");
      } else {
        ball.setAttribute("aria-valuenow", state.start[0]);
        ball.setAttribute("aria-valuetext", "w = " + state.start[0]);
      }
      draw();
    }

    function setStart(s) {
      state.start = s.map(function (v, j) { return snap(clamp(v, win[j][0], win[j][1])); });
      compute();
    }

    function step() {
      if (state.shown < state.run.steps) state.shown += 1;
      draw();
    }
    function tick() {
      var left = state.run.steps - state.shown;
      state.shown += Math.min(left, Math.max(1, Math.floor(state.shown / 6)));
      if (state.shown >= state.run.steps) stop();
      draw();
    }
    function play() {
      if (state.shown >= state.run.steps) state.shown = 0;
      state.timer = setInterval(tick, 140);
      draw();
    }
    function stop() {
      clearInterval(state.timer);
      state.timer = null;
    }

    var autoplay = null;
    function user() { // the reader took over: no more autoplay
      if (autoplay) { autoplay.disconnect(); autoplay = null; }
    }
    rateInput.addEventListener("input", function () {
      user();
      state.rate = cfg.rates[rateInput.valueAsNumber];
      compute();
    });
    startInputs.forEach(function (i) { i.addEventListener("input", user); });
    stepBtn.addEventListener("click", function () { user(); stop(); step(); });
    playBtn.addEventListener("click", function () {
      user();
      if (state.timer) { stop(); draw(); } else play();
    });
    resetBtn.addEventListener("click", function () { user(); stop(); state.shown = 0; draw(); });

    // The start point from the plot: arrow keys; a click (two weights) or a drag of the ball.
    handle.addEventListener("keydown", function (e) {
      var by = e.shiftKey ? 0.5 : 0.05, s = state.start.slice(), keys = {
        ArrowLeft: [0, -by], ArrowRight: [0, by], ArrowDown: [two ? 1 : 0, -by], ArrowUp: [two ? 1 : 0, by],
        Home: [0, -Infinity], End: [0, Infinity],
      }[e.key];
      if (!keys) return;
      e.preventDefault();
      user();
      s[keys[0]] += keys[1];
      setStart(s);
    });
    function fromPointer(e) {
      var r = svg.getBoundingClientRect(), x = (e.clientX - r.left) * W / r.width, y = (e.clientY - r.top) * H / r.height;
      var w1 = win[0][0] + (x - box.x) / box.w * (win[0][1] - win[0][0]);
      var w2 = win[1][0] + (box.y + box.h - y) / box.h * (win[1][1] - win[1][0]);
      user();
      setStart(two ? [w1, w2] : [w1]);
    }
    if (two) {
      svg.addEventListener("click", fromPointer);
    } else {
      var dragging = false;
      ball.addEventListener("pointerdown", function (e) {
        dragging = true;
        ball.setPointerCapture(e.pointerId);
        e.preventDefault();
      });
      ball.addEventListener("pointermove", function (e) { if (dragging) fromPointer(e); });
      ball.addEventListener("pointerup", function () { dragging = false; });
      svg.addEventListener("click", function (e) { if (e.target.closest(".gd-pg__ball") === null) fromPointer(e); });
    }

    // The rolling ball: the one-weight playground plays the lesson's descent when it
    // comes into view, unless the reader asked for reduced motion.
    if (!two && !reduce && window.IntersectionObserver) {
      autoplay = new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting) { user(); play(); }
      }, { threshold: 0.75 });
      autoplay.observe(plot);
    }

    compute();
    layout();
    if (window.ResizeObserver) new ResizeObserver(function () { layout(); }).observe(plot);

    // For tests and the curious: what the widget computed, and with which inputs.
    root.gdState = function () {
      var run = state.run;
      return {
        kind: cfg.kind, rate: state.rate, start: state.start.slice(), shown: state.shown,
        playing: !!state.timer, status: run.status, steps: run.steps,
        path: run.path.map(function (w) { return two ? w.slice() : w[0]; }), costs: run.costs.slice(),
      };
    };
  }

  function start() {
    document.querySelectorAll(".gd-playground[data-config]").forEach(init);
  }
  window.gdPlayground = {
    descend: descend,
    init: start,
    // run("gd-playground-1d", {start: [0.5], rate: 0.1}): a descent with that widget's cost.
    run: function (id, o) {
      return descend(JSON.parse(document.getElementById(id).getAttribute("data-config")), o.start, o.rate);
    },
  };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
