"""Time zones an event or a call can be in: the Nordic ones, their North Atlantic neighbours and UTC."""

TIME_ZONES = [
    ("Europe/Stockholm", "Europe/Stockholm"),
    ("Europe/Copenhagen", "Europe/Copenhagen"),
    ("Europe/Oslo", "Europe/Oslo"),
    ("Europe/Helsinki", "Europe/Helsinki"),
    ("Atlantic/Reykjavik", "Atlantic/Reykjavik"),
    ("Atlantic/Faroe", "Atlantic/Faroe"),
    ("America/Nuuk", "America/Nuuk"),
    ("UTC", "UTC"),
]
