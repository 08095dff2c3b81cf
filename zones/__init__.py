"""Worktown content: districts, challenges, mentors and competences as data, plus the
small registered challenge mechanics that play them. See zones/README.md."""
