import numpy as np

area = np.array({{ area_list }})
price = np.array({{ price_list }})


def cost(w):
    return 0.5 * np.sum((w * area - price) ** 2)


def slope(w):
    return np.sum((w * area - price) * area)


def descend(w, learning_rate, max_steps=10_000, tolerance=1e-6):
    """Step downhill from w until the slope is flat.

    Return the path and how it ended.
    """
    path = [w]
    too_high = 1e6 * max(cost(w), 1.0)
    for _ in range(max_steps):
        if abs(slope(w)) < tolerance:
            return path, "converged"
        w = w - learning_rate * slope(w)
        path.append(w)
        if cost(w) > too_high:
            return path, "diverged"
    return path, "stopped"
