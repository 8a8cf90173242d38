"""Places: Taiwan's local governments and the world's, with their names."""
