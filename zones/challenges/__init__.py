"""Challenge mechanics: one family per module, registered by name in ``registry``."""
