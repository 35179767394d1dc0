import numpy as np

area = np.array({{ area_list }})
age = np.array({{ age_list }})
price = np.array({{ price_list }})
houses = np.column_stack([area, age])


def cost(w):
    return 0.5 * np.sum((houses @ w - price) ** 2)


def gradient(w):
    return houses.T @ (houses @ w - price)


def descend(w, learning_rate, max_steps=10_000, tolerance=1e-6):
    """Step downhill from w until the gradient is flat.

    Return the path and how it ended, as for one weight.
    """
    path = [np.array(w, dtype=float)]
    too_high = 1e6 * max(cost(path[0]), 1.0)
    for _ in range(max_steps):
        g = gradient(path[-1])
        if np.linalg.norm(g) < tolerance:
            return np.array(path), "converged"
        path.append(path[-1] - learning_rate * g)
        if cost(path[-1]) > too_high:
            return np.array(path), "diverged"
    return np.array(path), "stopped"
