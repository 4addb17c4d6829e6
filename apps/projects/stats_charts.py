"""Bar charts of the funding statistics as geometry for a server-rendered SVG: no script, a text
label beside every bar, and the same figures in a table under each chart. One chart per
breakdown and currency, since amounts in different currencies are never drawn on one scale."""

from django.template.defaultfilters import floatformat, truncatechars

WIDTH = 720
LABEL_WIDTH = 230  # the value names, right-aligned before the bars
BAR_SPACE = 360  # the longest bar; the rest of the width holds its amount
ROW_HEIGHT = 28
BAR_HEIGHT = 18
MARGIN = 6
MOST_BARS = 12
LABEL_CHARACTERS = 32


def chart(rows, chronological=False):
    """The bars of ``rows`` (one currency): the largest MOST_BARS amounts, or the last ones in
    time order for years. None when there is nothing to draw (no amount above zero)."""
    shown = rows[-MOST_BARS:] if chronological else rows[:MOST_BARS]
    largest = max((row["amount"] for row in shown), default=0)
    if largest <= 0:
        return None
    bars = []
    for index, row in enumerate(shown):
        width = round(float(row["amount"] / largest) * BAR_SPACE, 1)
        top = MARGIN + index * ROW_HEIGHT
        bars.append(
            {
                "label": truncatechars(row["label"], LABEL_CHARACTERS),
                "amount": f"{floatformat(row['amount'], '0g')} {row['currency']}",
                "y": top,
                "text_y": top + BAR_HEIGHT - 4,
                "width": width,
                "amount_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": 2 * MARGIN + len(bars) * ROW_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "partial": len(shown) < len(rows),
        "chronological": chronological,
    }
