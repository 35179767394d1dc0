"""gdlesson: every number and figure of the gradient-descent lesson.

:mod:`gdlesson.choices` holds every choice the lesson makes (the data, starts,
rates, seeds). Below it, one module per idea of the maths:

- :mod:`gdlesson.costs`: the cost C = ½ Σ (ŷ − y)² of a small house-price model,
  and its curvatures;
- :mod:`gdlesson.brute_force`: trying 1,000 candidate weights;
- :mod:`gdlesson.network`: the 4-5-1 house-price network and its 25 weights;
- :mod:`gdlesson.compute_budget`: why 10⁷⁵ combinations cannot be tried;
- :mod:`gdlesson.descent`: gradient descent, returning its whole path;
- :mod:`gdlesson.rates`: why a learning rate walks, zig-zags or diverges on a
  quadratic cost's curvatures (1 − ηλ);
- :mod:`gdlesson.valleys`: a cost with two valleys and a flat stretch;
- :mod:`gdlesson.sgd`: stochastic gradient descent, a row or a batch of rows
  per step, the rate lowered pass by pass;
- :mod:`gdlesson.momentum`: the heavy ball and Nesterov's variant.

Above them, one module per page of the site (:mod:`gdlesson.pages`): its numbers,
figures, claims and exercises. :mod:`gdlesson.mkdocs_hooks` is the one module
that knows about MkDocs.
"""
