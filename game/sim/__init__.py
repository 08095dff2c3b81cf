"""Simulated players that play the real game headless (``python main.py simulate``)."""
