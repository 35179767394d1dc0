// The learning-rate playgrounds of the lesson (one weight, two weights, and two with momentum).
// Each <div class="gd-playground" data-config="…"> is written by gdlesson/playground.py with
// an empty plot, panel and readout that the stylesheet already sizes; this script fills them.
// All it shows comes from the config: the cost's rows and targets, the lesson's start and
// rate, the slider's rates, what each does (gdlesson.rates.rate_bands), gdlesson.descent's rules;
// one mode per view of the cost (scaled inputs too); a mode's weights: the model's × scale.
// descend() repeats gradient_descent step for step; tests/browser/test_playground.py checks
// every path against it. No library. Parts: descent, helpers, state, plot, controls, readout.
"use strict";
{ // a block, not a function: in strict mode its declarations stay out of the global scope
  const SVG = "http://www.w3.org/2000/svg";

  // --- Descent: gdlesson.descent.gradient_descent, in the same order

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
  // With momentum beta, gdlesson.momentum.momentum_descent: v ← βv − η∇C, w ← w + v (β = 0
  // gives exactly w − η∇C).
  function descend(rules, X, y, start, rate, beta) {
    var cost = costOf(X, y), w = start.slice(), path = [w], costs = [cost.value(w)];
    var v = w.map(function () { return 0; });
    var limit = rules.blowup * Math.max(costs[0], 1), status = null;
    for (var k = 0; k < rules.max_steps && !status; k++) {
      var g = cost.gradient(w);
      if (flat(g, rules.tolerance)) { status = "converged"; break; }
      v = v.map(function (u, j) { return beta * u - rate * g[j]; });
      w = w.map(function (x, j) { return x + v[j]; });
      var c = w.every(isFinite) ? cost.value(w) : Infinity;
      if (!isFinite(c)) { status = "diverged"; break; }
      path.push(w);
      costs.push(c);
      if (c > limit) status = "diverged";
    }
    if (!status) status = flat(cost.gradient(w), rules.tolerance) ? "converged" : "stopped";
    return { path: path, costs: costs, status: status, steps: costs.length - 1, rate: rate };
  }

  // --- Helpers

  const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
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
  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function el(tag, attrs, parent, text) {
    var node = tag.charAt(0) === "$" ? document.createElementNS(SVG, tag.slice(1)) : document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text != null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  // What one step does to the distance to the minimum, from gdlesson's max |1 − ηλ|.
  function factorText(f) {
    if (f >= 1) return "Each step can multiply the distance to the minimum by up to " + f.toFixed(3) + ".";
    var pct = f * 100 >= 99 ? (f * 100).toFixed(1) : (f * 100).toPrecision(2);
    return "Each step keeps at most " + pct + "% of the distance to the minimum.";
  }

  // --- State: what the reader chose, and the descent it gives
  // g.m (mode), g.start (in the mode's weights), g.rate, g.run, g.shown (steps drawn), g.timer.

  function mode(g) { return g.cfg.modes[g.m]; }

  function compute(g) {
    stop(g);
    g.run = descend(g.cfg, mode(g).X, g.cfg.y, g.start, g.rate, g.beta);
    if (g.cfg.betas) g.plain = descend(g.cfg, mode(g).X, g.cfg.y, g.start, g.rate, 0);
    g.shown = 0;
    update(g);
  }
  function setStart(g, s) {
    var win = mode(g).window, inv = Math.round(1 / g.cfg.start_step);
    g.start = s.map(function (v, j) { return Math.round(clamp(v, win[j][0], win[j][1]) * inv) / inv; });
    compute(g);
  }
  function setRate(g, index) {
    g.rate = g.cfg.rates[index];
    compute(g);
  }
  function setBeta(g, index) {
    g.beta = g.cfg.betas[index];
    drawBands(g);
    compute(g);
  }
  // The same model's start in the other mode's weights; the rate stays as the reader set it.
  function setMode(g, m) {
    var from = mode(g).scale, to = g.cfg.modes[m].scale, win = g.cfg.modes[m].window;
    g.start = g.start.map(function (v, j) { return clamp(v / from[j] * to[j], win[j][0], win[j][1]); });
    g.m = m;
    background(g);
    drawBands(g);
    compute(g);
  }

  function step(g) {
    if (g.shown < g.run.steps) g.shown += 1;
    update(g);
  }
  function tick(g) {
    var left = g.run.steps - g.shown;
    g.shown += Math.min(left, Math.max(1, Math.floor(g.shown / 6)));
    if (g.shown >= g.run.steps) stop(g);
    update(g);
  }
  function play(g) {
    if (g.shown >= g.run.steps) g.shown = 0;
    g.timer = setInterval(function () { tick(g); }, 140);
    update(g);
  }
  function stop(g) {
    clearInterval(g.timer);
    g.timer = null;
  }

  // --- Plot: the cost (curve or contour map), the path and the ball
  // The stylesheet sizes the plot; its padding is the room for the axes.

  function buildPlot(g) {
    var svg = el("$svg", { class: "gd-pg__svg", role: "group" }, g.plot), clipId = g.root.id + "-clip";
    g.svg = svg;
    g.bg = el("$g", {}, svg);
    g.clip = el("$rect", {}, el("$clipPath", { id: clipId }, el("$defs", {}, svg)));
    var layer = el("$g", { "clip-path": "url(#" + clipId + ")" }, svg);
    g.clipped = clipId;
    g.line = el("$path", { class: "gd-pg__path" }, layer);
    g.dots = el("$path", { class: "gd-pg__dots" }, layer);
    g.startMark = el("$circle", { class: "gd-pg__start", r: 5 }, layer);
    // The ball (clipped in 2-D; in 1-D the start's handle); off the map, an arrow (along +x).
    g.ball = el("$g", { class: "gd-pg__ball" }, g.two ? layer : svg);
    el("$circle", { r: 8 }, g.ball);
    g.arrow = el("$path", { class: "gd-pg__arrow", d: "M12 0L-7-10-2 0-7 10Z" }, g.ball);
  }

  function layout(g) {
    var r = g.plot.getBoundingClientRect();
    if (r.width === g.W && r.height === g.H) return;
    var css = getComputedStyle(g.plot), px = function (name) { return parseFloat(css[name]) || 0; };
    g.W = r.width;
    g.H = r.height;
    g.box = { x: px("paddingLeft"), y: px("paddingTop") };
    g.box.w = g.W - g.box.x - px("paddingRight");
    g.box.h = g.H - g.box.y - px("paddingBottom");
    g.svg.setAttribute("viewBox", "0 0 " + g.W + " " + g.H);
    ["x", "y", "width", "height"].forEach(function (k, i) { g.clip.setAttribute(k, [g.box.x, g.box.y, g.box.w, g.box.h][i]); });
    background(g);
    update(g);
  }

  // Screen coordinates of weights (x) and of the second axis (w₂, or the cost).
  function sx(g, v) {
    var win = mode(g).window[0];
    return g.box.x + (v - win[0]) / (win[1] - win[0]) * g.box.w;
  }
  function sy(g, v) {
    var win = mode(g).window[1];
    return g.box.y + g.box.h - (v - win[0]) / (win[1] - win[0]) * g.box.h;
  }

  function background(g) {
    if (!g.box) return;
    g.bg.textContent = "";
    if (g.two) contours(g); else curve(g);
    axes(g);
    star(g);
  }

  function ticks(lo, hi) {
    var out = [];
    for (var t = Math.ceil(lo); t <= hi + 1e-9; t += 1) out.push(t);
    if (out.length > 5) out = out.filter(function (t) { return t % 5 === 0; });
    return out;
  }

  function axes(g) {
    var b = g.box, win = mode(g).window, names = mode(g).axes;
    el("$rect", { class: "gd-pg__frame", x: b.x, y: b.y, width: b.w, height: b.h }, g.bg);
    ticks(win[0][0], win[0][1]).forEach(function (t) {
      el("$text", { x: sx(g, t), y: b.y + b.h + 16, "text-anchor": "middle" }, g.bg, fmt(t, 0));
    });
    ticks(win[1][0], win[1][1]).forEach(function (t) {
      el("$text", { x: b.x - 6, y: sy(g, t) + 4, "text-anchor": "end" }, g.bg, fmt(t, 0));
    });
    el("$text", { x: b.x + b.w, y: g.H - 4, "text-anchor": "end", class: "gd-pg__label" }, g.bg, names[0]);
    el("$text", { x: 4, y: b.y + 10, class: "gd-pg__label" }, g.bg, names[1]);
  }

  function curve(g) {
    var win = mode(g).window[0], cost = costOf(mode(g).X, g.cfg.y), d = "", n = 200;
    for (var i = 0; i <= n; i++) {
      var w = win[0] + (win[1] - win[0]) * i / n;
      d += (i ? "L" : "M") + sx(g, w).toFixed(1) + " " + sy(g, cost.value([w])).toFixed(1);
    }
    el("$path", { class: "gd-pg__curve", d: d, "clip-path": "url(#" + g.clipped + ")" }, g.bg);
  }

  function star(g) { // the minimum, marked as in the figures
    var m = mode(g).minimum, x = sx(g, m[0]);
    var y = g.two ? sy(g, m[1]) : sy(g, costOf(mode(g).X, g.cfg.y).value(m)), d = "";
    for (var i = 0; i < 10; i++) {
      var r = i % 2 ? 3.5 : 8, a = Math.PI * i / 5;
      d += (i ? "L" : "M") + (x + r * Math.sin(a)).toFixed(1) + " " + (y - r * Math.cos(a)).toFixed(1);
    }
    el("$path", { class: "gd-pg__min", d: d + "Z" }, g.bg);
  }

  // Contours of a quadratic cost are ellipses around the minimum, C = C* + ½ δᵀ(XᵀX)δ,
  // drawn in weight units and mapped to the screen by one transform.
  function curvatures(X) { // of XᵀX, 2×2: [λmin, λmax, XᵀX₁₁, XᵀX₁₂]
    var A = [0, 0, 0];
    X.forEach(function (r) { A[0] += r[0] * r[0]; A[1] += r[0] * r[1]; A[2] += r[1] * r[1]; });
    var mid = (A[0] + A[2]) / 2, rad = Math.hypot((A[0] - A[2]) / 2, A[1]);
    return [mid - rad, mid + rad, A[0], A[1]];
  }
  // gdlesson.momentum.slowest_factor: over the curvatures λ, the larger |z| of z² − (1 + β − ηλ)z + β.
  function heavyFactor(g) {
    return Math.max.apply(null, curvatures(mode(g).X).slice(0, 2).map(function (l) {
      var a = 1 + g.beta - g.rate * l, d = a * a - 4 * g.beta;
      return d < 0 ? Math.sqrt(g.beta) : (Math.abs(a) + Math.sqrt(d)) / 2;
    }));
  }

  function contours(g) {
    var m = mode(g), k = curvatures(m.X);
    var big = k[1], small = k[0], angle = Math.atan2(big - k[2], k[3]);
    var w = m.window, kx = g.box.w / (w[0][1] - w[0][0]), ky = g.box.h / (w[1][1] - w[1][0]);
    var lowest = costOf(m.X, g.cfg.y).value(m.minimum), c = m.minimum;
    var layer = el("$g", { "clip-path": "url(#" + g.clipped + ")" }, g.bg);
    var place = "translate(" + sx(g, c[0]) + " " + sy(g, c[1]) + ") scale(" + kx + " " + -ky + ") rotate(" + angle * 180 / Math.PI + ")";
    var up = Math.cos(angle) < 0 ? -1 : 1; // the long axis's end that is higher on screen
    g.cfg.levels.slice().reverse().forEach(function (level, i, all) {
      var h = 2 * (level - lowest), ring = el("$ellipse", {
        class: "gd-pg__ring", rx: Math.sqrt(h / big), ry: Math.sqrt(h / small), transform: place,
        "vector-effect": "non-scaling-stroke",
      }, layer);
      ring.style.fillOpacity = (0.05 + 0.3 * i / all.length).toFixed(3);
      var r = up * Math.sqrt(h / small), x = sx(g, c[0] - r * Math.sin(angle)), y = sy(g, c[1] + r * Math.cos(angle));
      if (level >= 0.5 && x > g.box.x + 8 && x < g.box.x + g.box.w - 8 && y > g.box.y + 8) {
        el("$text", { class: "gd-pg__level", x: x, y: y }, layer, String(level));
      }
    });
  }

  // Step k in plot units, (w₁, w₂) or (w, C); on screen; as SVG path numbers.
  function at(g, k) { return g.two ? g.run.path[k] : [g.run.path[k][0], g.run.costs[k]]; }
  function point(g, v) { return [sx(g, v[0]), sy(g, v[1])]; }
  function xy(p) { return p[0].toFixed(1) + " " + p[1].toFixed(1); }
  // Per axis, where v is: −1 below the window, 1 above, 0 inside.
  function sides(g, v) {
    return mode(g).window.map(function (r, j) { return v[j] < r[0] ? -1 : v[j] > r[1] ? 1 : 0; });
  }
  // The part of the segment a–b inside the window (Liang–Barsky), or null.
  function clipped(g, a, b) {
    var win = mode(g).window, t = [0, 1];
    for (var j = 0; j < 2; j++) {
      var d = b[j] - a[j], edges = [[-d, a[j] - win[j][0]], [d, win[j][1] - a[j]]];
      for (var e = 0; e < 2; e++) {
        var p = edges[e][0], q = edges[e][1];
        if (p === 0) { if (q < 0) return null; } else if (p < 0) t[0] = Math.max(t[0], q / p); else t[1] = Math.min(t[1], q / p);
      }
    }
    var ends = t.map(function (s) { return [a[0] + s * (b[0] - a[0]), a[1] + s * (b[1] - a[1])]; });
    return t[0] <= t[1] && ends.every(function (v) { return v.every(isFinite); }) ? ends : null;
  }

  // The path and its dots inside the frame, cut where they leave it; the ball, or the arrow.
  function drawPath(g) {
    if (!g.box) return;
    var d = "", dots = "", pen = false; // pen: the last point is inside, the line ends there
    for (var k = 0; k <= g.shown; k++) {
      var v = at(g, k), c = k ? clipped(g, at(g, k - 1), v) : null, inside = !sides(g, v).some(Boolean);
      if (c) d += (pen ? "" : "M" + xy(point(g, c[0]))) + "L" + xy(point(g, c[1]));
      if (inside) dots += "M" + xy(point(g, v)) + "h0";
      if (inside && !k) d = "M" + xy(point(g, v));
      pen = inside;
    }
    g.line.setAttribute("d", d);
    g.dots.setAttribute("d", dots);
    var s = point(g, at(g, 0)), e = edge(g, at(g, g.shown));
    g.startMark.setAttribute("cx", s[0]);
    g.startMark.setAttribute("cy", s[1]);
    g.ball.setAttribute("transform", "translate(" + xy(e) + ")");
    g.arrow.setAttribute("transform", "rotate(" + (e[2] || 0).toFixed(1) + ")");
    g.ball.classList.toggle("is-out", e.length > 2);
  }

  // The ball's place, [x, y]; off the map, the arrow's: [x, y, degrees], inside the frame
  // by its size, on the curve (1-D: pointing along w) or on the line from the frame's middle
  // towards the point (2-D: pointing to it).
  function edge(g, v) {
    var side = sides(g, v), b = g.box, pad = 16, win = mode(g).window;
    if (!side.some(Boolean)) return point(g, v);
    if (!g.two) {
      var k = (win[0][1] - win[0][0]) / b.w * pad, w = clamp(v[0], win[0][0] + k, win[0][1] - k);
      var p = point(g, [w, costOf(mode(g).X, g.cfg.y).value([w])]);
      return [clamp(p[0], b.x + pad, b.x + b.w - pad), clamp(p[1], b.y + pad, b.y + b.h - pad), side[0] ? 90 - 90 * side[0] : -90 * side[1]];
    }
    var u = v.map(function (x, j) { return (x - (win[j][0] + win[j][1]) / 2) / (win[j][1] - win[j][0]); });
    var most = Math.max(Math.abs(u[0]), Math.abs(u[1])), dx = u[0] / most * b.w, dy = -u[1] / most * b.h;
    var t = Math.min((b.w / 2 - pad) / Math.abs(dx), (b.h / 2 - pad) / Math.abs(dy));
    return [b.x + b.w / 2 + t * dx, b.y + b.h / 2 + t * dy, Math.atan2(dy, dx) * 180 / Math.PI];
  }

  // --- Controls: rate, start, switch, buttons; keys and pointer on the plot

  function row(g, cls, label, forId) {
    var r = el("div", { class: "gd-pg__row " + cls }, g.panel);
    el("label", { for: forId }, r, label);
    return [r, el("output", { for: forId, class: "gd-pg__value" }, r)];
  }

  function rateControl(g) {
    var id = g.root.id + "-rate", r = row(g, "gd-pg__row--rate", "Learning rate η", id);
    g.rateOut = r[1];
    g.rateInput = el("input", {
      type: "range", id: id, min: 0, max: g.cfg.rates.length - 1, step: 1, "aria-describedby": id + "-verdict",
    }, r[0]);
    g.scale = el("div", { class: "gd-pg__scale", "aria-hidden": "true" }, r[0]);
    g.verdict = el("p", { class: "gd-pg__verdict", id: id + "-verdict" }, r[0]);
    g.rateInput.addEventListener("input", function () { user(g); setRate(g, g.rateInput.valueAsNumber); });
  }

  // Momentum: a slider for β, under the rate's.
  function betaControl(g) {
    if (!g.cfg.betas) return;
    var id = g.root.id + "-beta", r = row(g, "gd-pg__row--rate", "Momentum β", id);
    g.betaOut = r[1];
    g.betaInput = el("input", {
      type: "range", id: id, min: 0, max: g.cfg.betas.length - 1, step: 1, "aria-describedby": g.root.id + "-rate-verdict",
    }, r[0]);
    g.betaInput.addEventListener("input", function () { setBeta(g, g.betaInput.valueAsNumber); });
  }

  // Under the rate slider, the bands of the current mode on the slider's log scale (with
  // momentum: converging below 2(1 + β)/λmax, diverging above).
  function drawBands(g) {
    var rates = g.cfg.rates, lo = Math.log(rates[0]), span = Math.log(rates[rates.length - 1]) - lo;
    var at = function (r) { return clamp((Math.log(r) - lo) / span * 100, 0, 100); }, bands = mode(g).bands;
    if (g.cfg.betas) bands = [{ kind: "right", low: 0 }, { kind: "large", low: g.cfg.limits[g.cfg.betas.indexOf(g.beta)] }];
    g.scale.textContent = "";
    bands.forEach(function (b, i) {
      var from = b.low > 0 ? at(b.low) : 0, to = i + 1 < bands.length ? at(bands[i + 1].low) : 100;
      el("span", { class: "gd-pg__band is-" + b.kind, style: "left:" + from + "%;width:" + (to - from) + "%" }, g.scale);
    });
    var edge = bands[bands.length - 1];
    el("span", { class: "gd-pg__edge", style: "left:" + at(edge.low) + "%" }, g.scale, mode(g).edge);
  }

  function startControls(g) {
    g.startInputs = g.cfg.start.map(function (v, j) {
      var id = g.root.id + "-start" + j, r = row(g, "gd-pg__row--start", "", id);
      var input = el("input", { type: "range", id: id, step: g.cfg.start_step }, r[0]);
      input.label = r[0].querySelector("label");
      input.out = r[1];
      input.addEventListener("input", function () {
        var s = g.start.slice();
        s[j] = input.valueAsNumber;
        user(g);
        setStart(g, s);
      });
      return input;
    });
  }

  function modeSwitch(g) {
    if (g.cfg.modes.length < 2) return;
    var id = g.root.id + "-scaled", r = el("div", { class: "gd-pg__switch" }, g.panel);
    g.switch = el("input", { type: "checkbox", id: id, "aria-describedby": id + "-note" }, r);
    el("label", { for: id }, r, g.cfg.switch);
    var note = el("p", { class: "gd-pg__valley", id: id + "-note" }, r, g.cfg.switch_note);
    g.valley = el("span", { class: "gd-pg__elongation" }, note);
    g.switch.addEventListener("change", function () { user(g); setMode(g, g.switch.checked ? 1 : 0); });
  }

  function buttons(g) {
    var box = el("div", { class: "gd-pg__buttons" }, g.panel);
    var button = function (name, onClick) {
      var b = el("button", { type: "button", class: "gd-pg__button" }, box, name);
      b.addEventListener("click", function () { user(g); onClick(); });
      return b;
    };
    button("Step", function () { stop(g); step(g); });
    g.playButton = button("Play", function () {
      if (g.timer) { stop(g); update(g); } else play(g);
    });
    button("Reset", function () { stop(g); g.shown = 0; update(g); });
  }

  // The start point from the plot: arrow keys; a click (two weights) or a drag of the ball.
  function plotKeys(g) {
    var handle = g.two ? g.svg : g.ball;
    handle.setAttribute("tabindex", "0");
    if (g.two) {
      g.svg.setAttribute("aria-label", "Contour map of the cost: click, or use the arrow keys, to move the start point");
    } else {
      g.ball.setAttribute("role", "slider");
      g.ball.setAttribute("aria-label", "Ball: start point w (drag it, or use the arrow keys)");
    }
    handle.addEventListener("keydown", function (e) {
      var by = e.shiftKey ? 0.5 : 0.05, y = g.two ? 1 : 0, s = g.start.slice(), move = {
        ArrowLeft: [0, -by], ArrowRight: [0, by], ArrowDown: [y, -by], ArrowUp: [y, by], Home: [0, -Infinity], End: [0, Infinity],
      }[e.key];
      if (!move) return;
      e.preventDefault();
      user(g);
      s[move[0]] += move[1];
      setStart(g, s);
    });
  }

  function plotPointer(g) {
    function fromPointer(e) {
      var r = g.svg.getBoundingClientRect(), b = g.box, win = mode(g).window;
      var x = (e.clientX - r.left) * g.W / r.width, y = (e.clientY - r.top) * g.H / r.height;
      var w1 = win[0][0] + (x - b.x) / b.w * (win[0][1] - win[0][0]);
      var w2 = win[1][0] + (b.y + b.h - y) / b.h * (win[1][1] - win[1][0]);
      user(g);
      setStart(g, g.two ? [w1, w2] : [w1]);
    }
    if (g.two) return g.svg.addEventListener("click", fromPointer);
    var dragging = false;
    g.ball.addEventListener("pointerdown", function (e) {
      dragging = true;
      g.ball.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    g.ball.addEventListener("pointermove", function (e) { if (dragging) fromPointer(e); });
    g.ball.addEventListener("pointerup", function () { dragging = false; });
    g.svg.addEventListener("click", function (e) { if (e.target.closest(".gd-pg__ball") === null) fromPointer(e); });
  }

  // The rolling ball: the one-weight playground plays the lesson's descent when it comes
  // into view, unless the reader asked for reduced motion or took over first.
  function autoplay(g) {
    var reduce = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (g.two || reduce || !window.IntersectionObserver) return;
    g.autoplay = new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting) { user(g); play(g); }
    }, { threshold: 0.75 });
    g.autoplay.observe(g.plot);
  }
  function user(g) { // the reader took over: no more autoplay
    if (g.autoplay) { g.autoplay.disconnect(); g.autoplay = null; }
  }

  // --- Readout: what the controls are set to, and where the descent is

  function readout(g) {
    var list = el("dl", { class: "gd-pg__readout" }, g.out);
    function item(term) {
      var box = el("div", {}, list);
      return [el("dt", {}, box, term), el("dd", {}, box)];
    }
    g.stepOut = item("step")[1];
    g.wOut = item("");
    g.cOut = item("cost C")[1];
    var notes = el("div", { class: "gd-pg__notes" }, g.out);
    g.status = el("p", { class: "gd-pg__status", role: "status" }, notes);
    g.compare = el("p", { class: "gd-pg__compare" }, notes);
  }

  function update(g) {
    showControls(g);
    drawPath(g);
    showRun(g);
  }

  function showControls(g) {
    var m = mode(g), i = g.cfg.rates.indexOf(g.rate), band = m.band ? m.bands[m.band[i]] : {};
    g.rateInput.value = i;
    var label = band.label, kind = band.kind, text = g.cfg.betas ? "" : capital(label) + ". " + factorText(m.factor[i]);
    if (g.cfg.betas) {
      var b = g.cfg.betas.indexOf(g.beta), f = heavyFactor(g);
      label = f < 1 ? "converges" : "diverges";
      kind = f < 1 ? "right" : "large";
      text = f < 1 ? "Converges: in the long run each step keeps about " + (f * 100).toPrecision(2) + "% of the distance to the minimum."
        : "Diverges: η is above 2(1 + β)/λmax = " + fmt(g.cfg.limits[b], 4) + ".";
      g.betaInput.value = b;
      g.betaInput.setAttribute("aria-valuetext", g.beta + ", " + label);
      g.betaOut.textContent = String(g.beta);
    }
    g.rateInput.setAttribute("aria-valuetext", g.rate + ", " + label);
    g.rateOut.textContent = String(g.rate);
    g.verdict.textContent = text;
    g.verdict.className = "gd-pg__verdict is-" + kind;
    g.startInputs.forEach(function (input, j) {
      input.min = m.window[j][0];
      input.max = m.window[j][1];
      input.value = g.start[j];
      input.label.textContent = "Start " + m.names[j];
      input.out.textContent = fmt(g.start[j], 2);
    });
    var at = m.names.length > 1 ? "(" + g.start.join(", ") + ")" : String(g.start[0]);
    if (g.two) g.svg.setAttribute("aria-description", "Start point " + at);
    else ["valuenow", "valuetext", "valuemin", "valuemax"].forEach(function (k, j) {
      g.ball.setAttribute("aria-" + k, [g.start[0], "w = " + at, m.window[0][0], m.window[0][1]][j]);
    });
    if (g.valley) g.valley.textContent = "condition number λmax/λmin: " + fmt(m.condition, 1);
  }

  function showRun(g) {
    var run = g.run, n = g.shown, w = run.path[n], done = n === run.steps, names = mode(g).names;
    g.stepOut.textContent = count(n) + (done ? "" : " of " + count(run.steps));
    g.wOut[0].textContent = names.length > 1 ? "(" + names.join(", ") + ")" : names[0];
    g.wOut[1].textContent = names.length > 1 ? "(" + fmt(w[0], 3) + ", " + fmt(w[1], 3) + ")" : fmt(w[0], 4);
    g.cOut.textContent = fmt(run.costs[n], 4);
    // Off the map: where the run is, and which way it left (1-D: along w; above if w is not).
    var side = sides(g, at(g, n)), off = [];
    if (g.two || !side[0]) off.push(["below", "", "above"][side[1] + 1]);
    off.push(["to the left", "", "to the right"][side[0] + 1]);
    off = off.filter(Boolean).join(" and ");
    if (off) off = "off the map: " + (g.two ? "" : "w = ") + g.wOut[1].textContent + ", " + off;
    g.status.textContent = done ? (off ? run.status + ", " + off : STATUS[run.status]) :
      off || (g.timer ? "rolling…" : n ? "paused" : "ready: press Step or Play");
    g.root.setAttribute("data-status", done ? run.status : "");
    g.root.setAttribute("data-shown", n);
    g.root.classList.toggle("is-diverged", done && run.status === "diverged");
    g.playButton.textContent = g.timer ? "Pause" : "Play";
    var c = g.cfg.candidates, grid = g.two ? count(c) + "² = " + count(c * c) : count(c);
    g.compare.textContent = g.plain ? "With momentum: " + count(run.steps) + " steps, " + run.status +
      ". Without (β = 0): " + count(g.plain.steps) + " steps, " + g.plain.status + "." :
      "Gradient descent: " + count(run.steps) + " steps, " + run.status +
      ". Brute force on a grid: " + grid + " evaluations of C.";
  }
  const STATUS = {
    converged: "converged: the slope is flat",
    diverged: "diverged: the cost blew up and the ball left the plot",
    stopped: "stopped: the step limit ran out first",
  };

  // --- One playground

  function init(root) {
    if (root.gdState) return;
    var cfg = JSON.parse(root.getAttribute("data-config"));
    var g = { root: root, cfg: cfg, two: cfg.kind === "2d", m: 0, start: cfg.start.slice(), rate: cfg.rate, beta: cfg.beta || 0 };
    g.plot = root.querySelector(".gd-pg__plot");
    g.panel = root.querySelector(".gd-pg__panel");
    g.out = root.querySelector(".gd-pg__out");
    buildPlot(g);
    rateControl(g);
    betaControl(g);
    startControls(g);
    modeSwitch(g);
    buttons(g);
    readout(g);
    plotKeys(g);
    plotPointer(g);
    drawBands(g);
    compute(g);
    layout(g);
    if (window.ResizeObserver) new ResizeObserver(function () { layout(g); }).observe(g.plot);
    autoplay(g);
    root.gdState = function () { return snapshot(g); };
  }

  // For tests and the curious: what the widget computed, and with which inputs.
  function snapshot(g) {
    var run = g.run;
    return {
      kind: g.cfg.kind, mode: g.m, rate: g.rate, beta: g.beta, start: g.start.slice(), shown: g.shown,
      playing: !!g.timer, status: run.status, steps: run.steps, costs: run.costs.slice(),
      path: run.path.map(function (w) { return g.two ? w.slice() : w[0]; }),
    };
  }

  function start() {
    document.querySelectorAll(".gd-playground[data-config]").forEach(init);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
