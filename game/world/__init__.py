"""The walkable town's rules, apart from the view that draws them.

Every module here but ``view`` is pure (no pygame): the collision grid and path-finding
(``grid``), the town read from a Tiled map (``town``), the avatar's walking (``walker``),
doors and closed quarters (``doors``), the working people's loops (``people``) and what
the pupil's walk says (``trail``, which the scene hands to the telemetry recorder).
"""
