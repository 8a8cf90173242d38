"""The analysts' review desk: summary figures, charts and a standalone HTML report."""
