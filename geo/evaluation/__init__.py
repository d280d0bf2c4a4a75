"""Evaluation of the reader against hand-annotated texts (``data/eval/``): ``python -m geo evaluate``.

``cases`` loads and checks the annotated cases, ``score`` compares a prediction with the gold (pure
functions), ``runner`` builds the journeys (and the leave-one-out rebuilds), ``report`` prints the figures,
``cli`` wires the subcommand.
"""
