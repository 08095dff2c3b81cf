"""Pieces of screens that are not screens: button rows and pages laid out from measured
text, the goal bar over a board, the one-field sign-in card, an activity item's answer
buttons, and the layouts of the hub and the Horizons Tower.

Called by scenes from ``build`` and ``draw_content``; pure or drawing only, they never
change the scene stack and import no scene.
"""
