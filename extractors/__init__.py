"""Text processing: document parsing, the spaCy pipeline, dates, themes."""
