"""Write docs/try-it.ipynb from the cells below, with stable cell ids.

The notebook is committed; run this after editing the cells here, so its
cell ids (and so the built page) stay the same from build to build.
"""

from pathlib import Path

import nbformat

CELLS = [
    (
        "markdown",
        """# Try it

This page is a Jupyter notebook, run when the site was built. Download it,
open it in Jupyter, and change the
**learning rate** $\\eta$ and the **start point** to see what gradient descent does.
It needs only NumPy and Matplotlib.""",
    ),
    (
        "code",
        """import numpy as np
import matplotlib.pyplot as plt

area = np.array([0.5, 0.8, 1.1, 1.4, 1.9, 1.2])
price = np.array([0.9, 1.7, 2.0, 3.1, 4.0, 1.9])


def cost(w):
    return 0.5 * np.sum((w * area - price) ** 2)


def slope(w):
    return np.sum((w * area - price) * area)


def descend(w, learning_rate, max_steps=10_000, tolerance=1e-6):
    \"\"\"Step downhill from w until the slope is flat; return the path and how it ended.\"\"\"
    path = [w]
    too_high = 1e6 * max(cost(w), 1.0)
    for _ in range(max_steps):
        if abs(slope(w)) < tolerance:
            return path, "converged"
        w = w - learning_rate * slope(w)
        path.append(w)
        if cost(w) > too_high:
            return path, "diverged"
    return path, "stopped\"""",
    ),
    (
        "markdown",
        """## Change these two numbers

Each step is $w \\leftarrow w - \\eta \\, \\frac{dC}{dw}$. Try a learning rate
of 0.01, 0.1, 0.2 and 0.25, and start points on both sides of the minimum.""",
    ),
    (
        "code",
        """learning_rate = 0.17
start = 0.5

path, status = descend(start, learning_rate)
print(f"{status} after {len(path) - 1} steps, at w = {path[-1]:.4f}")

ws = np.linspace(0, 4, 200)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(ws, [cost(w) for w in ws], color="0.4")
shown = [w for w in path if 0 <= w <= 4]
ax.plot(shown, [cost(w) for w in shown], "o-", color="tab:orange", markersize=4)
ax.set_xlabel("weight w")
ax.set_ylabel("cost C(w)")
ax.set_title(f"learning rate {learning_rate}: {status} after {len(path) - 1} steps")
plt.show()""",
    ),
    (
        "markdown",
        """## Many learning rates at once

How many steps does each learning rate need from the same start?""",
    ),
    (
        "code",
        """for rate in [0.005, 0.02, 0.05, 0.1, 0.15, 0.2, 0.21, 0.25]:
    path, status = descend(0.5, rate)
    print(f"learning rate {rate:<5}  {status:>9} after {len(path) - 1:>4} steps")""",
    ),
    (
        "markdown",
        """Small rates crawl, rates near $1/L$ arrive fastest, and past $2/L$ every
step overshoots further than the last. Here $L = \\sum \\text{area}^2$ is the
curvature of the cost:""",
    ),
    (
        "code",
        """L = np.sum(area ** 2)
print(f"L = {L:.2f}, 1/L = {1 / L:.3f}, 2/L = {2 / L:.3f}")""",
    ),
]


def main() -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for i, (kind, source) in enumerate(CELLS):
        make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        cell = make(source)
        cell["id"] = f"cell-{i}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    path = Path(__file__).resolve().parents[2] / "docs" / "try-it.ipynb"
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
