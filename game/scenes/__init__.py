"""One module per screen. A scene owns its UI elements and kills them on leave."""
